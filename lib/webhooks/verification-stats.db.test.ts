import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { HOURS, verificationStats } from "./verification-stats";

let database: TestDatabase;
let db: Db;
const now = new Date("2026-04-18T12:30:00.000Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "verification_stats" });
  db = createDb(database.url);
  await db.verificationFailure.createMany({
    data: [
      { reason: "wrong_secret", sourceAddress: "198.51.100.1", receivedAt: hoursAgo(0.1) },
      { reason: "wrong_secret", sourceAddress: "198.51.100.1", receivedAt: hoursAgo(0.2) },
      { reason: "missing_secret", sourceAddress: "198.51.100.2", receivedAt: hoursAgo(0.5) },
      { reason: "wrong_secret", sourceAddress: "198.51.100.1", receivedAt: hoursAgo(5.5) },
      { reason: "missing_secret", sourceAddress: null, receivedAt: hoursAgo(23.9) },
      // outside the window on both sides
      { reason: "wrong_secret", sourceAddress: "198.51.100.9", receivedAt: hoursAgo(24.1) },
      { reason: "wrong_secret", sourceAddress: "198.51.100.9", receivedAt: hoursAgo(-1) },
    ],
  });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("verificationStats", () => {
  it("counts the last 24 hours by reason, per hour and by source", async () => {
    const stats = await verificationStats(db, now);
    expect(stats.total).toBe(5);
    expect(stats.byReason).toEqual([
      { reason: "wrong_secret", count: 3 },
      { reason: "missing_secret", count: 2 },
    ]);
    expect(stats.hours).toHaveLength(HOURS);
    expect(stats.hours.at(-1)).toEqual({
      start: hoursAgo(1).toISOString(),
      total: 3,
      counts: { wrong_secret: 2, missing_secret: 1 },
    });
    expect(stats.hours.at(-6)).toMatchObject({ total: 1, counts: { wrong_secret: 1 } });
    expect(stats.hours[0]).toMatchObject({ start: hoursAgo(24).toISOString(), total: 1 });
    expect(stats.hours.reduce((n, h) => n + h.total, 0)).toBe(5);
    expect(stats.topSources).toEqual([
      { sourceAddress: "198.51.100.1", count: 3 },
      { sourceAddress: "198.51.100.2", count: 1 },
      { sourceAddress: null, count: 1 },
    ]);
  });

  it("is all zeros when nothing failed", async () => {
    const stats = await verificationStats(db, new Date("2020-01-01T00:00:00Z"));
    expect(stats).toMatchObject({ total: 0, byReason: [], topSources: [] });
    expect(stats.hours.every((h) => h.total === 0)).toBe(true);
  });
});
