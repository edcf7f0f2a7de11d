import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { listOrderIntents } from "./list-order-intents";

let database: TestDatabase;
let db: Db;
const ORDER = randomUUID();
const OTHER_ORDER = randomUUID();
const base = new Date("2026-04-18T07:00:00.000Z");
const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);
const OVERDUE_MS = 10 * 60_000;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "order_intents" });
  db = createDb(database.url);
  const asker = await db.user.create({ data: { email: "asker@example.com", name: "Asker", role: "admin" } });
  const approver = await db.user.create({ data: { email: "approver@example.com", name: "Approver", role: "admin" } });
  const intent = (minute: number, data: Record<string, unknown>) =>
    db.actionIntent.create({
      data: {
        idempotencyKey: randomUUID(),
        kind: "refund",
        orderUuid: ORDER,
        params: { minute },
        status: "succeeded",
        requestedById: asker.id,
        createdAt: at(minute),
        ...data,
      },
    });
  await intent(0, { kind: "shipping", awaitingWebhook: false, confirmedAt: at(1), sentAt: at(0) });
  await intent(2, { status: "pending_approval" });
  await intent(3, { approvedById: approver.id, decidedAt: at(4), awaitingWebhook: true, sentAt: at(4) });
  await intent(5, { kind: "cancel", awaitingWebhook: true, sentAt: at(20) });
  await intent(6, { orderUuid: OTHER_ORDER });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("listOrderIntents", () => {
  it("lists only the order's intents, newest first, with requester and decider names", async () => {
    const rows = await listOrderIntents(db, ORDER, OVERDUE_MS, at(25).getTime());
    expect(rows.map((r) => r.params)).toEqual([{ minute: 5 }, { minute: 3 }, { minute: 2 }, { minute: 0 }]);
    expect(rows.every((r) => r.requestedBy?.name === "Asker")).toBe(true);
    expect(rows.map((r) => r.decidedBy?.name ?? null)).toEqual([null, "Approver", null, null]);
  });

  it("gives each intent its confirmation state", async () => {
    const rows = await listOrderIntents(db, ORDER, OVERDUE_MS, at(25).getTime());
    // sent at 20 → 5 minutes waiting; sent at 4 → 21 minutes, past the 10 allowed
    expect(rows.map((r) => r.confirmation)).toEqual(["awaiting", "overdue", null, "confirmed"]);
  });

  it("keeps an intent whose requester no longer exists", async () => {
    const ghost = randomUUID();
    const lonely = randomUUID();
    await db.actionIntent.create({
      data: {
        idempotencyKey: randomUUID(),
        kind: "capture",
        orderUuid: lonely,
        params: {},
        status: "failed",
        requestedById: ghost,
      },
    });
    const [row] = await listOrderIntents(db, lonely, OVERDUE_MS);
    expect(row).toMatchObject({ kind: "capture", requestedById: ghost, requestedBy: null });
  });
});
