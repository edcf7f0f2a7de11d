import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { getDelivery, prettyBody } from "./get-delivery";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "get_delivery" });
  db = createDb(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("prettyBody", () => {
  it("indents JSON and keeps anything else as it came", () => {
    expect(prettyBody('{"a":[1]}')).toEqual({ json: true, text: '{\n  "a": [\n    1\n  ]\n}' });
    expect(prettyBody("{oops")).toEqual({ json: false, text: "{oops" });
  });
});

describe("getDelivery", () => {
  it("gives the body, sorted headers and attempts newest first", async () => {
    const order = fixtureOrder();
    const stored = await storeDelivery(db, { order, status: "failed" });
    await db.deliveryAttempt.create({
      data: {
        deliveryId: stored.id,
        durationMs: 3,
        ok: false,
        error: "boom",
        trigger: "after",
        startedAt: new Date(Date.now() - 5_000),
      },
    });
    await db.deliveryAttempt.create({
      data: { deliveryId: stored.id, durationMs: 2, ok: false, error: "boom again", trigger: "sweeper" },
    });

    const detail = await getDelivery(db, stored.id);
    expect(detail).toMatchObject({
      id: stored.id,
      status: "failed",
      orderNumber: order.order_number,
      pointsOrderUuid: order.id,
      replayBlockedBecause: null,
      headers: [
        ["content-type", "application/json"],
        ["x-webhook-secret", "[redacted]"],
      ],
    });
    expect(detail!.body.json).toBe(true);
    expect(JSON.parse(detail!.body.text)).toMatchObject({ event: "approved", order: { id: order.id } });
    expect(detail!.attemptLog.map((a) => a.error)).toEqual(["boom again", "boom"]);
    expect(detail).not.toHaveProperty("rawBody");
  });

  it("shows a rejected body raw, with the reason it cannot be replayed", async () => {
    const stored = await storeDelivery(db, { rejectedBody: "{oops" });
    const detail = await getDelivery(db, stored.id);
    expect(detail).toMatchObject({ body: { json: false, text: "{oops" }, rejectReason: "body is not valid JSON" });
    expect(detail!.replayBlockedBecause).toBe("rejected");
  });

  it("is null for an unknown id", async () => {
    expect(await getDelivery(db, BigInt(987_654))).toBeNull();
  });
});
