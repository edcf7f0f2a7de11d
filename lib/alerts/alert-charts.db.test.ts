import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { HOURS } from "@/lib/db/hourly-counts";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { minutesBefore, plantCalls } from "@/lib/testing/alert-fixtures";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { alertCharts } from "./alert-charts";

let database: TestDatabase;
let db: Db;
const now = new Date("2030-03-01T12:30:00.000Z");

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "alert_charts" });
  db = createDb(database.url);
  await plantCalls(db, 200, minutesBefore(now, 10), 4);
  await plantCalls(db, 422, minutesBefore(now, 20), 2);
  await plantCalls(db, 500, minutesBefore(now, 90));
  await plantCalls(db, null, minutesBefore(now, 23 * 60 + 50));
  await plantCalls(db, 500, minutesBefore(now, 25 * 60)); // older than 24 h
  await storeDelivery(db, { status: "processed", receivedAt: minutesBefore(now, 5) });
  await storeDelivery(db, { status: "dead", receivedAt: minutesBefore(now, 5) });
  await storeDelivery(db, { rejectedBody: "nope", receivedAt: minutesBefore(now, 70) });
  await storeDelivery(db, { status: "pending", receivedAt: minutesBefore(now, 5) }); // not an outcome yet
  await db.verificationFailure.create({ data: { reason: "wrong_secret", receivedAt: minutesBefore(now, 70) } });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("alertCharts", () => {
  it("counts Points responses by status class and webhook outcomes per hour over the last 24 hours", async () => {
    const { points, webhooks } = await alertCharts(db, now);
    expect(points).toHaveLength(HOURS);
    expect(points.at(-1)).toMatchObject({ total: 6, counts: { "2xx": 4, "4xx": 2 } });
    expect(points.at(-2)).toMatchObject({ total: 1, counts: { "5xx": 1 } });
    expect(points[0]).toMatchObject({ total: 1, counts: { network: 1 } });
    expect(points.reduce((n, h) => n + h.total, 0)).toBe(8);

    expect(webhooks.at(-1)).toMatchObject({ total: 2, counts: { processed: 1, dead: 1 } });
    expect(webhooks.at(-2)).toMatchObject({ total: 2, counts: { rejected: 1, unverified: 1 } });
    expect(webhooks.reduce((n, h) => n + h.total, 0)).toBe(4);
  });
});
