// Re-check and the bulk actions against the sandbox double and a real
// database: everything matching a filter, across chunks, and nothing else;
// failures reported per order; a refused key stops the walk.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { BulkStopped, bulkChunk, countBulk, type BulkAction, type BulkChunkResult } from "./bulk-differences";
import type { DifferenceFilter } from "./difference-filters";
import { NO_LONGER_DIFFERS, recheckOrder } from "./recheck-order";
import { runReconciliation } from "./run-reconciliation";
import { drift, ghostOrder, seedOrders } from "./test-helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("reconcile_bulk");
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.reset();
  await h.db.$executeRawUnsafe("TRUNCATE reconcile_runs, reconcile_differences, orders, audit_log, lifecycle_flags");
});

const run = () => runReconciliation({ db: h.db, client: h.client() }, { trigger: "manual" });
const open = (where: object = {}) =>
  h.db.reconcileDifference.findMany({ where: { status: "open", ...where }, select: { orderUuid: true, field: true } });
const filter = (f: Partial<DifferenceFilter> = {}): DifferenceFilter => ({ status: "open", ...f });

/** Every chunk of one bulk action, as the page's dialog calls them, summed up. */
async function bulk(
  action: BulkAction,
  f: DifferenceFilter,
  opts: { note?: string; size?: number; client?: Harness["client"] } = {},
) {
  const asOf = new Date();
  const total = await countBulk(h.db, f, asOf);
  const sum = { walked: 0, succeeded: 0, closed: 0, failures: [] as BulkChunkResult["failures"], chunks: 0 };
  let cursor: string | null = null;
  for (;;) {
    const r: BulkChunkResult = await bulkChunk({ db: h.db, client: (opts.client ?? h.client)() }, f, {
      action,
      asOf,
      cursor,
      note: opts.note,
      actorId: null,
      size: opts.size,
    });
    sum.walked += r.walked;
    sum.succeeded += r.succeeded;
    sum.closed += r.closed;
    sum.failures.push(...r.failures);
    sum.chunks++;
    if (r.done) return { total, ...sum };
    cursor = r.nextCursor;
  }
}

describe("bulk actions over a filter", () => {
  it("heal: every order matching the filter, across chunks, and no other; what cannot be healed is reported by order", async () => {
    const uuids = await seedOrders(h, 5);
    for (const uuid of uuids.slice(0, 3)) await drift(h, uuid, "order_status = 'new'");
    await drift(h, uuids[3]!, "total_points = 1");
    const ghost = await ghostOrder(h, "GHOST-B");
    await run();

    const healed = await bulk("heal", filter({ field: "order_status" }), { size: 2 });
    expect(healed).toMatchObject({ total: 3, walked: 3, succeeded: 3, closed: 3, failures: [], chunks: 2 });
    expect(
      (await h.db.order.findMany({ where: { pointsUuid: { in: uuids.slice(0, 3) } } })).map((o) => o.orderStatus),
    ).toEqual(["approved", "approved", "approved"]);
    expect((await open()).map((d) => d.orderUuid).sort()).toEqual([uuids[3], ghost].sort());
    expect(await h.db.auditLog.count({ where: { action: "reconcile.heal" } })).toBe(3);

    const rest = await bulk("heal", filter());
    expect(rest).toMatchObject({ total: 2, succeeded: 1, closed: 1 });
    expect(rest.failures).toEqual([
      {
        orderUuid: ghost,
        orderNumber: "GHOST-B",
        notice: { key: "Reconciliation.refusals.missingAtPoints", values: {} },
      },
    ]);
    expect(await open()).toEqual([{ orderUuid: ghost, field: "order" }]);
  });

  it("explain: one note on every matching difference, each audited against its order; a note is required", async () => {
    const uuids = await seedOrders(h, 4);
    for (const uuid of uuids) await drift(h, uuid, "total_points = 7");
    await drift(h, uuids[0]!, "order_status = 'new', total_points = 7");
    await run();
    expect(await countBulk(h.db, filter(), new Date())).toBe(5);

    await expect(bulk("explain", filter({ field: "total_points" }), { note: "   " })).rejects.toBeInstanceOf(
      BulkStopped,
    );
    const explained = await bulk("explain", filter({ field: "total_points" }), {
      note: "points multiplier changed mid-day",
      size: 3,
    });
    expect(explained).toMatchObject({ total: 4, walked: 4, succeeded: 4, closed: 4, failures: [], chunks: 2 });
    expect(await open()).toEqual([{ orderUuid: uuids[0], field: "order_status" }]);
    const audit = await h.db.auditLog.findMany({
      where: { action: "reconcile.explain" },
      select: { target: true, detail: true },
    });
    expect(audit.map((a) => a.target).sort()).toEqual([...uuids].sort());
    expect(audit.every((a) => (a.detail as { note: string }).note === "points multiplier changed mid-day")).toBe(true);
  });

  it("by order: number or uuid selects that order's differences only", async () => {
    const uuids = await seedOrders(h, 2, "BY");
    for (const uuid of uuids) await drift(h, uuid, "order_status = 'new'");
    await run();
    expect(await bulk("explain", filter({ q: "BY-1" }), { note: "test order" })).toMatchObject({ total: 1, closed: 1 });
    expect(await open()).toEqual([{ orderUuid: uuids[0], field: "order_status" }]);
    expect(await bulk("explain", filter({ q: uuids[0] }), { note: "test order" })).toMatchObject({
      total: 1,
      closed: 1,
    });
  });

  it("only what matched when confirmed: a difference found later is left for the next bulk action", async () => {
    const uuids = await seedOrders(h, 1);
    await drift(h, uuids[0]!, "order_status = 'new'");
    const { runId } = await run();
    const asOf = new Date();
    await h.db.reconcileDifference.create({
      data: {
        runId: runId!,
        orderUuid: crypto.randomUUID(),
        field: "order_status",
        kind: "mismatch",
        createdAt: new Date(Date.now() + 1000),
      },
    });
    expect(await countBulk(h.db, filter(), asOf)).toBe(1);
    const r = await bulkChunk({ db: h.db, client: h.client() }, filter(), {
      action: "explain",
      asOf,
      cursor: null,
      note: "known",
      actorId: null,
    });
    expect(r).toMatchObject({ walked: 1, closed: 1, done: true, nextCursor: null });
    expect(await open()).toHaveLength(1);
  });

  it("re-check: closes orders that agree now, keeps the rest; a refused key stops the walk", async () => {
    const uuids = await seedOrders(h, 3);
    for (const uuid of uuids) await drift(h, uuid, "order_status = 'new'");
    await run();
    // Someone fixed one order by hand meanwhile.
    await drift(h, uuids[0]!, "order_status = 'approved'");

    await expect(
      bulk("recheck", filter(), { client: (o) => h.client({ ...o, privateKey: "revoked-key" }) }),
    ).rejects.toThrow(/POINTS_PRIVATE_KEY/);
    expect(await open()).toHaveLength(3);

    const r = await bulk("recheck", filter(), { size: 2 });
    expect(r).toMatchObject({ total: 3, walked: 3, succeeded: 3, closed: 1, failures: [] });
    expect((await open()).map((d) => d.orderUuid).sort()).toEqual(uuids.slice(1).sort());
  });
});

describe("recheckOrder", () => {
  it("closes what agrees now, refreshes what still differs, adds what newly differs; audited", async () => {
    const [uuid] = await seedOrders(h, 1);
    await drift(h, uuid!, "order_status = 'new', total_points = 1");
    await run();
    // At Points the order is refunded meanwhile; here the points are put right.
    await h.client().refund(uuid!, { amount: 10, reason: "one item" });
    const theirs = await h.client().getOrder(uuid!);
    await h.db.$executeRawUnsafe(
      `UPDATE orders SET total_points = $2, reference_number = 'OURS' WHERE points_uuid = $1::uuid`,
      uuid,
      theirs.total_points,
    );

    const result = await recheckOrder({ db: h.db, client: h.client() }, { orderUuid: uuid!, actorId: null });
    expect(result).toEqual({ closed: 1, differing: ["order_status", "reference_number"] });
    const rows = await h.db.reconcileDifference.findMany({
      where: { orderUuid: uuid },
      orderBy: { id: "asc" },
      select: { field: true, status: true, ours: true, theirs: true, note: true },
    });
    expect(rows).toEqual([
      { field: "order_status", status: "open", ours: "new", theirs: "partially_refunded", note: null },
      { field: "total_points", status: "healed", ours: 1, theirs: theirs.total_points, note: NO_LONGER_DIFFERS },
      { field: "reference_number", status: "open", ours: "OURS", theirs: theirs.reference_number, note: null },
    ]);
    expect(await h.db.auditLog.findFirst({ where: { action: "reconcile.recheck", target: uuid } })).toMatchObject({
      detail: { closed: 1, differing: ["order_status", "reference_number"] },
    });
  });
});
