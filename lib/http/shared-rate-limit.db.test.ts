import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/db/test-database";
import { createDb, type Db } from "@/lib/db/prisma";
import { allowRequest } from "./shared-rate-limit";

let url: string;
let dbs: Db[];
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase({ prefix: "ratelimit" });
  url = database.url;
  drop = database.drop;
  // Two clients stand for two instances of the app.
  dbs = [createDb(url), createDb(url)];
});

afterAll(async () => {
  for (const db of dbs) await db.$disconnect();
  await drop();
});

const LIMIT = { limit: 5, windowMs: 60_000 };
const at = new Date("2026-12-01T10:00:10Z");

describe("allowRequest", () => {
  it("counts one limit across instances, concurrently", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => allowRequest(dbs[i % 2]!, "a", LIMIT, at)));
    expect(answers.filter(Boolean)).toHaveLength(5);
    expect(await allowRequest(dbs[0]!, "b", LIMIT, at)).toBe(true);
  });

  it("starts afresh in the next window and clears windows that ended", async () => {
    const later = new Date(at.getTime() + 2 * 60_000);
    expect(await allowRequest(dbs[1]!, "a", LIMIT, later)).toBe(true);
    expect(
      await dbs[0]!.rateLimitWindow.count({ where: { windowStart: { lt: new Date("2026-12-01T10:01:00Z") } } }),
    ).toBe(0);
  });
});
