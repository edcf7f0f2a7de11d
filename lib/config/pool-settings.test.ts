import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { MIN_POOL_SIZE, poolConfig, poolSizes } from "./pool-settings";

const env = { DATABASE_URL: "postgres://u:p@localhost:5432/db" };

describe("the connection budget", () => {
  it("splits DB_POOL_SIZE over the three pools without exceeding it, one connection each at the smallest", () => {
    for (const total of [MIN_POOL_SIZE, 4, 6, 12, 30]) {
      const sizes = poolSizes(total);
      expect(sizes.app + sizes.queue + sizes.receiver).toBe(total);
      expect(Math.min(sizes.app, sizes.queue, sizes.receiver)).toBeGreaterThanOrEqual(1);
    }
    expect(poolSizes(MIN_POOL_SIZE)).toEqual({ app: 1, queue: 1, receiver: 1 });
    expect(poolSizes(12)).toEqual({ app: 6, queue: 2, receiver: 4 });
  });

  it("reads DB_POOL_SIZE (default 12) and refuses a budget below one connection per pool", () => {
    expect(parseEnv(env).dbPoolSize).toBe(12);
    expect(parseEnv({ ...env, DB_POOL_SIZE: "5" }).dbPoolSize).toBe(5);
    expect(() => parseEnv({ ...env, DB_POOL_SIZE: "2" })).toThrow(/DB_POOL_SIZE must be at least 3/);
  });

  it("gives every pool statement, lock and idle-in-transaction timeouts, the receiver's within Points' 10 s", () => {
    const receiver = poolConfig(env.DATABASE_URL, "receiver", 4);
    expect(receiver).toMatchObject({ max: 4, statement_timeout: expect.any(Number), lock_timeout: expect.any(Number) });
    expect(Number(receiver.connectionTimeoutMillis) + Number(receiver.statement_timeout)).toBeLessThan(10_000);
    for (const role of ["app", "queue"] as const)
      expect(poolConfig(env.DATABASE_URL, role, 1).idle_in_transaction_session_timeout).toBeGreaterThan(0);
  });
});
