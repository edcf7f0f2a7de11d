// Explaining a difference, against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { explainDifference } from "./explain-difference";

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase({ prefix: "reconcile_explain" });
  db = createDb(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe("explainDifference", () => {
  it("marks an open difference explained with the note, audited once; refuses a blank note, a closed or unknown one", async () => {
    const run = await db.reconcileRun.create({ data: { trigger: "manual" } });
    const orderUuid = crypto.randomUUID();
    const d = await db.reconcileDifference.create({
      data: { runId: run.id, orderUuid, field: "order", kind: "missing_at_points" },
    });

    expect(await explainDifference(db, { id: d.id, note: "   ", actorId: null })).toEqual({
      explained: false,
      reason: "note_required",
    });
    expect(await db.reconcileDifference.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      status: "open",
      note: null,
    });

    expect(
      await explainDifference(db, { id: d.id, note: "  test order, never sent to Points ", actorId: null }),
    ).toEqual({ explained: true });
    expect(await db.reconcileDifference.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      status: "explained",
      note: "test order, never sent to Points",
    });
    expect(await explainDifference(db, { id: d.id, note: "again", actorId: null })).toEqual({
      explained: false,
      reason: "not_open",
    });
    expect(await explainDifference(db, { id: d.id + 1000n, note: "x", actorId: null })).toEqual({
      explained: false,
      reason: "not_found",
    });

    const audit = await db.auditLog.findMany({ where: { action: "reconcile.explain" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      target: orderUuid,
      detail: {
        difference: String(d.id),
        field: "order",
        kind: "missing_at_points",
        note: "test order, never sent to Points",
      },
    });
  });
});
