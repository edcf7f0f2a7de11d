// Runs against the sandbox double and a real database, with differences planted in ours.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { claimRun } from "./claim-run";
import { healDifference } from "./heal-difference";
import { continueRun, runReconciliation } from "./run-reconciliation";
import { listRuns } from "./list-reconciliation";
import { drift, ghostOrder, seedOrders } from "./test-helpers";
import { describeEachSimMode } from "@/lib/testing/sim-modes";

describeEachSimMode("reconciliation", (mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(`reconcile_${mode}`, mode);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.reset();
    await h.db.$executeRawUnsafe(
      "TRUNCATE reconcile_runs, reconcile_differences, orders, audit_log, webhook_deliveries, delivery_attempts, lifecycle_flags",
    );
  });

  const seed = (n: number) => seedOrders(h, n);

  async function plant(uuids: string[]) {
    await drift(h, uuids[0]!, "order_status = 'new'");
    await drift(h, uuids[1]!, "total_price = total_price + 0.01, total_points = 1");
    return ghostOrder(h, "GHOST-1");
  }

  const openDifferences = () =>
    h.db.reconcileDifference.findMany({
      orderBy: [{ orderUuid: "asc" }, { field: "asc" }],
      select: { orderUuid: true, field: true, kind: true, ours: true, theirs: true, status: true },
    });

  describe("runReconciliation", () => {
    it("finds exactly the planted differences", async () => {
      const uuids = await seed(5);
      const ghost = await plant(uuids);
      const progress: Array<[number, number]> = [];
      const s = await runReconciliation(
        { db: h.db, client: h.client() },
        { trigger: "manual", onProgress: (d, p) => progress.push([d, p]) },
      );

      expect(s).toMatchObject({ status: "completed", resumed: false, planned: 6, checked: 6, differing: 3, errors: 0 });
      expect(s.finishedAt).toBeInstanceOf(Date);
      expect(progress.at(-1)).toEqual([6, 6]);
      const found = (await openDifferences()).map((d) => [d.orderUuid, d.field, d.kind, d.ours, d.theirs]);
      expect(found).toHaveLength(4);
      expect(found).toEqual(
        expect.arrayContaining([
          [uuids[0], "order_status", "mismatch", "new", "approved"],
          [uuids[1], "total_price", "mismatch", "101.01", 101],
          [uuids[1], "total_points", "mismatch", 1, expect.any(Number)],
          [ghost, "order", "missing_at_points", { orderNumber: "GHOST-1", orderStatus: "approved" }, null],
        ]),
      );
    });

    it("a 429 storm slows the run but it completes", async () => {
      const uuids = await seed(6);
      await plant(uuids);
      await h.control("/calls", undefined, "DELETE");
      await h.control("/faults", { status: 429, count: 6, method: "GET", paths: "^/orders/" });
      const since = new Date();
      const s = await runReconciliation({ db: h.db, client: h.client() }, { trigger: "cron", concurrency: 2 });
      expect(s).toMatchObject({ status: "completed", checked: 7, differing: 3, errors: 0 });
      expect(h.sleeps.length).toBeGreaterThanOrEqual(6);
      expect(await h.calls("GET", "^/orders/")).toHaveLength(7 + 6);
      // Every attempt is in our call log too, written with its batch, linked to its order.
      const logged = await h.db.pointsApiCall.findMany({
        where: { createdAt: { gte: since }, path: { startsWith: "/orders/" } },
        select: { status: true, orderUuid: true, createdAt: true },
      });
      expect(logged).toHaveLength(7 + 6);
      expect(logged.filter((c) => c.status === 429)).toHaveLength(6);
      expect(logged.every((c) => c.orderUuid !== null)).toBe(true);
      // Each row keeps the time of its attempt, not of the batch write: a retried read shows its wait.
      expect(new Set(logged.map((c) => c.createdAt.getTime())).size).toBeGreaterThan(1);
    });

    it("a run stopped half way resumes and ends with the same totals", async () => {
      const uuids = await seed(8);
      await plant(uuids);
      const fast = h.client();
      const slow = {
        getOrder: async (uuid: string) => (await new Promise((r) => setTimeout(r, 40)), fast.getOrder(uuid)),
      };

      const first = await runReconciliation(
        { db: h.db, client: slow },
        { trigger: "cron", budgetMs: 100, concurrency: 1, batchSize: 2 },
      );
      expect(first.status).toBe("running");
      expect(first.checked).toBeGreaterThan(0);
      expect(first.checked).toBeLessThan(9);

      const second = await runReconciliation({ db: h.db, client: fast }, { trigger: "cron" });
      expect(second).toMatchObject({
        runId: first.runId,
        resumed: true,
        status: "completed",
        planned: 9,
        checked: 9,
        differing: 3,
        errors: 0,
      });
      expect(await openDifferences()).toHaveLength(4);
      expect(await h.db.reconcileRun.count()).toBe(1);

      // The next run is a new one, and replaces what the last one left open.
      const third = await runReconciliation({ db: h.db, client: fast }, { trigger: "cli" });
      expect(third).toMatchObject({ resumed: false, status: "completed", checked: 9, differing: 3 });
      expect(third.runId).not.toBe(first.runId);
      expect(await openDifferences()).toHaveLength(4);
    });

    it("an invocation whose run was taken over after its lease writes nothing more", async () => {
      await seed(3);
      await ghostOrder(h, "GHOST-1");
      const stale = await claimRun(h.db, "cron");
      // It stalls past its lease; another invocation takes the run over and finishes it.
      await h.db.reconcileRun.update({ where: { id: stale!.run.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
      const taker = await runReconciliation({ db: h.db, client: h.client() }, { trigger: "cron" });
      expect(taker).toMatchObject({ runId: stale!.run.id, resumed: true, status: "completed", checked: 4 });

      const woke = await continueRun({ db: h.db, client: h.client() }, stale!, {});
      expect(woke).toMatchObject({ runId: stale!.run.id, status: "busy", checked: 4 });
      const run = await h.db.reconcileRun.findUniqueOrThrow({ where: { id: stale!.run.id } });
      expect(run).toMatchObject({ status: "completed", checked: 4, differing: 1 });
      expect(await openDifferences()).toHaveLength(1);
    });

    it("an invocation that wakes to find its run taken over and deleted reports busy, not an error", async () => {
      await seed(2);
      const stale = await claimRun(h.db, "cron");
      await h.db.reconcileRun.update({ where: { id: stale!.run.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
      await runReconciliation({ db: h.db, client: h.client() }, { trigger: "cron" });
      await h.db.reconcileRun.delete({ where: { id: stale!.run.id } });

      const woke = await continueRun({ db: h.db, client: h.client() }, stale!, {});
      expect(woke).toMatchObject({ runId: stale!.run.id, status: "busy" });
      expect(await h.db.reconcileRun.count()).toBe(0);
    });

    it("continuing by id works on that run only, and never starts another", async () => {
      await seed(3);
      const claimed = await claimRun(h.db, "manual");
      await h.db.reconcileRun.update({ where: { id: claimed!.run.id }, data: { lockedUntil: null } });
      const other = await h.db.reconcileRun.create({
        data: { trigger: "cron", status: "completed", startedAt: new Date(Date.now() - 60_000) },
      });

      expect(
        await runReconciliation({ db: h.db, client: h.client() }, { trigger: "manual", runId: other.id }),
      ).toMatchObject({ runId: other.id, status: "completed", checked: 0 });
      const done = await runReconciliation(
        { db: h.db, client: h.client() },
        { trigger: "manual", runId: claimed!.run.id },
      );
      expect(done).toMatchObject({
        runId: claimed!.run.id,
        status: "completed",
        resumed: true,
        planned: 3,
        checked: 3,
      });
      expect(
        await runReconciliation({ db: h.db, client: h.client() }, { trigger: "manual", runId: claimed!.run.id }),
      ).toMatchObject({ status: "completed", checked: 3 });
      expect(await h.db.reconcileRun.count()).toBe(2);
    });

    it("checks the webhook history of every order it looks at against the state machine", async () => {
      const uuids = await seed(3);
      const ghost = await ghostOrder(h, "GHOST-2");
      const delivered = (id: string, event: string, order_status: string, minute: number) =>
        storeDelivery(h.db, {
          event,
          status: "processed",
          order: fixtureOrder({
            id,
            order_status,
            updated_at: new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString(),
          }),
        });
      await delivered(uuids[0]!, "approved", "approved", 1);
      await delivered(uuids[1]!, "refunded", "partially_refunded", 1);
      await delivered(ghost, "captured", "captured", 1);
      await delivered(crypto.randomUUID(), "captured", "captured", 1); // an order no run selects

      await runReconciliation({ db: h.db, client: h.client() }, { trigger: "cli", batchSize: 2 });
      const flags = await h.db.lifecycleFlag.findMany({
        select: { orderUuid: true, rule: true, status: true },
        orderBy: { rule: "asc" },
      });
      expect(flags).toEqual([
        { orderUuid: ghost, rule: "captured_without_authorized", status: "open" },
        { orderUuid: uuids[1], rule: "refunded_without_settlement", status: "open" },
      ]);
    });

    it("an invocation leaves a run another one holds alone", async () => {
      await seed(1);
      await h.db.reconcileRun.create({
        data: { trigger: "cron", planned: 1, lockedUntil: new Date(Date.now() + 60_000) },
      });
      const held = await h.db.reconcileRun.findFirstOrThrow();
      expect(await runReconciliation({ db: h.db, client: h.client() }, { trigger: "cron" })).toMatchObject({
        status: "busy",
        runId: held.id,
        planned: 1,
        checked: 0,
      });
    });

    it("a rejected key fails the run", async () => {
      await seed(2);
      const s = await runReconciliation({ db: h.db, client: h.client({ privateKey: "wrong" }) }, { trigger: "cli" });
      expect(s).toMatchObject({ status: "failed", checked: 0 });
      expect(s.lastError).toMatch(/POINTS_PRIVATE_KEY/);
      // Stored by key as well, so the page words it in the reader's language; read back the same by the list.
      const notice = { key: "PointsErrors.invalid_key", values: { variable: "POINTS_PRIVATE_KEY" } };
      expect(s.lastErrorNotice).toMatchObject(notice);
      expect((await listRuns(h.db))[0]).toMatchObject({ lastError: s.lastError, lastErrorNotice: notice });
    });
  });

  describe("healDifference", () => {
    it("accepts Points' state and marks the order's differences healed", async () => {
      const uuids = await seed(2);
      const ghost = await plant(uuids);
      await runReconciliation({ db: h.db, client: h.client() }, { trigger: "manual" });

      expect(await healDifference({ db: h.db, client: h.client() }, { orderUuid: uuids[1]!, actorId: null })).toEqual({
        healed: true,
        closed: 2,
      });
      const theirs = await h.client().getOrder(uuids[1]!);
      const row = await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuids[1]! } });
      expect(row.totalPrice.toString()).toBe(String(theirs.total_price));
      expect(row.totalPoints).toBe(theirs.total_points);
      const diffs = await openDifferences();
      expect(diffs.filter((d) => d.orderUuid === uuids[1]).map((d) => d.status)).toEqual(["healed", "healed"]);
      expect(diffs.filter((d) => d.orderUuid === uuids[0]).map((d) => d.status)).toEqual(["open"]);
      expect(await h.db.auditLog.findFirst({ where: { action: "reconcile.heal", target: uuids[1] } })).not.toBeNull();

      expect(await healDifference({ db: h.db, client: h.client() }, { orderUuid: ghost, actorId: null })).toEqual({
        healed: false,
        reason: "missing_at_points",
      });

      // Healed orders are clean on the next run.
      const next = await runReconciliation({ db: h.db, client: h.client() }, { trigger: "manual" });
      expect(next).toMatchObject({ checked: 3, differing: 2 });
    });
  });
});
