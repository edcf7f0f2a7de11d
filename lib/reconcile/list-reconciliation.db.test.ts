// The page's queries against a real database: runs, counts, and the filtered, paged difference list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { parseDifferenceQuery, type DifferenceQuery } from "./difference-filters";
import { listDifferences } from "./list-differences";
import { currentRunProgress, groupOpenDifferences, listRuns, readRunProgress } from "./list-reconciliation";

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase({ prefix: "reconcile_list" });
  db = createDb(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const query = (params: Record<string, string>): DifferenceQuery => {
  const parsed = parseDifferenceQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe("reconciliation lists", () => {
  it("runs newest first, the running one with its progress; open differences grouped and listed newest first with the order number", async () => {
    const known = crypto.randomUUID();
    const unknown = crypto.randomUUID();
    await applyOrderSnapshot(db, {
      uuid: known,
      orderNumber: "LIST-1",
      referenceNumber: null,
      type: "earning",
      orderStatus: "approved",
      paymentStatus: null,
      totalPrice: 10,
      totalPoints: 100,
      metadata: null,
      createdAt: null,
      updatedAt: new Date().toISOString(),
    });
    const older = await db.reconcileRun.create({
      data: { trigger: "cron", startedAt: new Date(Date.now() - 60_000), status: "completed" },
    });
    const newer = await db.reconcileRun.create({
      data: { trigger: "manual", planned: 2, checked: 1, differing: 1, lockedUntil: new Date(Date.now() + 60_000) },
    });
    const t = (s: number) => new Date(Date.now() - s * 1000);
    await db.reconcileDifference.createMany({
      data: [
        {
          runId: newer.id,
          orderUuid: known,
          field: "order_status",
          kind: "mismatch",
          ours: "new",
          theirs: "approved",
          createdAt: t(30),
        },
        {
          runId: newer.id,
          orderUuid: known,
          field: "total_points",
          kind: "mismatch",
          ours: 1,
          theirs: 2,
          createdAt: t(20),
        },
        {
          runId: newer.id,
          orderUuid: unknown,
          field: "order_status",
          kind: "mismatch",
          ours: "new",
          theirs: "cancelled",
          createdAt: t(10),
        },
        {
          runId: older.id,
          orderUuid: known,
          field: "order_status",
          kind: "mismatch",
          status: "healed",
          createdAt: t(5),
        },
      ],
    });

    expect((await listRuns(db)).map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(await currentRunProgress(db)).toMatchObject({
      id: newer.id,
      status: "running",
      planned: 2,
      checked: 1,
      working: true,
    });
    expect(await readRunProgress(db, older.id)).toMatchObject({ status: "completed", working: false });
    expect(await groupOpenDifferences(db)).toEqual([
      { field: "order_status", kind: "mismatch", count: 2 },
      { field: "total_points", kind: "mismatch", count: 1 },
    ]);

    const open = await listDifferences(db, query({}));
    expect(open.rows.map((d) => [d.orderNumber, d.field, d.ours, d.theirs])).toEqual([
      [null, "order_status", "new", "cancelled"],
      ["LIST-1", "total_points", 1, 2],
      ["LIST-1", "order_status", "new", "approved"],
    ]);
    expect((await listDifferences(db, query({ field: "order_status" }))).rows).toHaveLength(2);
    expect(
      (await listDifferences(db, query({ field: "order_status", status: "healed" }))).rows.map((d) => d.status),
    ).toEqual(["healed"]);
    expect((await listDifferences(db, query({ status: "all" }))).rows).toHaveLength(4);
    expect((await listDifferences(db, query({ q: "#LIST-1" }))).rows.map((d) => d.field)).toEqual([
      "total_points",
      "order_status",
    ]);
    expect((await listDifferences(db, query({ q: unknown.toUpperCase() }))).rows.map((d) => d.orderUuid)).toEqual([
      unknown,
    ]);
    expect((await listDifferences(db, query({ q: "NO-SUCH-ORDER" }))).rows).toEqual([]);
    expect((await listDifferences(db, query({ kind: "missing_at_points" }))).rows).toEqual([]);
  });

  it("pages through a filter with keyset cursors, both ways", async () => {
    const run = await db.reconcileRun.create({ data: { trigger: "cli", status: "completed" } });
    const at = new Date("2026-01-01T00:00:00.000Z");
    // Five share one timestamp, so the id breaks the ties.
    await db.reconcileDifference.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        runId: run.id,
        orderUuid: crypto.randomUUID(),
        field: "payment_status",
        kind: "mismatch",
        createdAt: i < 5 ? at : new Date(at.getTime() + i * 1000),
      })),
    });
    const seen: string[] = [];
    let page = await listDifferences(db, query({ field: "payment_status" }), 3);
    expect(page.prevCursor).toBeNull();
    for (;;) {
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      page = await listDifferences(db, query({ field: "payment_status", older: page.nextCursor }), 3);
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const back = await listDifferences(db, query({ field: "payment_status", newer: page.prevCursor! }), 3);
    expect(back.rows.map((r) => r.id)).toEqual(seen.slice(3, 6));
  });

  it("refuses a filter it does not know, in words", () => {
    expect(parseDifferenceQuery(new URLSearchParams({ field: "colour" }))).toEqual({
      ok: false,
      error: 'The filter "field" is not a compared field.',
      field: "field",
      problem: "notAnOption",
    });
    expect(parseDifferenceQuery(new URLSearchParams({ status: "gone" }))).toMatchObject({ ok: false });
    expect(parseDifferenceQuery(new URLSearchParams({ older: "yesterday" }))).toMatchObject({ ok: false });
    expect(parseDifferenceQuery(new URLSearchParams({ field: "", status: "" }))).toEqual({
      ok: true,
      value: { status: "open" },
    });
  });
});
