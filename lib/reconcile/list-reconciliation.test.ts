// The page's queries against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { groupOpenDifferences, listOpenDifferences, listRuns } from "./list-reconciliation";

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

describe("reconciliation lists", () => {
  it("runs newest first; open differences grouped and listed newest first with the order number", async () => {
    const known = crypto.randomUUID();
    const unknown = crypto.randomUUID();
    await applyOrderSnapshot(db, {
      uuid: known, orderNumber: "LIST-1", referenceNumber: null, type: "earning", orderStatus: "approved", paymentStatus: null,
      totalPrice: 10, totalPoints: 100, metadata: null, createdAt: null, updatedAt: new Date().toISOString(),
    });
    const older = await db.reconcileRun.create({ data: { trigger: "cron", startedAt: new Date(Date.now() - 60_000), status: "completed" } });
    const newer = await db.reconcileRun.create({ data: { trigger: "manual", planned: 2, checked: 2, differing: 2 } });
    const t = (s: number) => new Date(Date.now() - s * 1000);
    await db.reconcileDifference.createMany({
      data: [
        { runId: newer.id, orderUuid: known, field: "order_status", kind: "mismatch", ours: "new", theirs: "approved", createdAt: t(30) },
        { runId: newer.id, orderUuid: known, field: "total_points", kind: "mismatch", ours: 1, theirs: 2, createdAt: t(20) },
        { runId: newer.id, orderUuid: unknown, field: "order_status", kind: "mismatch", ours: "new", theirs: "cancelled", createdAt: t(10) },
        { runId: older.id, orderUuid: known, field: "order_status", kind: "mismatch", status: "healed", createdAt: t(5) },
      ],
    });

    expect((await listRuns(db)).map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(await groupOpenDifferences(db)).toEqual([
      { field: "order_status", kind: "mismatch", count: 2 },
      { field: "total_points", kind: "mismatch", count: 1 },
    ]);
    const open = await listOpenDifferences(db);
    expect(open.map((d) => [d.orderNumber, d.field, d.ours, d.theirs])).toEqual([
      [null, "order_status", "new", "cancelled"],
      ["LIST-1", "total_points", 1, 2],
      ["LIST-1", "order_status", "new", "approved"],
    ]);
    expect(await listOpenDifferences(db, 1)).toHaveLength(1);
  });
});
