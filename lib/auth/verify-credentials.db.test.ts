import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/db/test-database";
import { createDb, type Db } from "@/lib/db/prisma";
import { DEMO_PASSWORD, seedDemoUsers } from "@/lib/demo/seed-users";
import { waitAfterFailures } from "./sign-in-throttle";
import { verifyCredentials } from "./verify-credentials";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase({ prefix: "auth" });
  drop = database.drop;
  db = createDb(database.url);
  await seedDemoUsers(db);
});

afterAll(async () => {
  await db.$disconnect();
  await drop();
});

describe("verifyCredentials", () => {
  it("signs in a demo user with the role from the database, case-insensitively by email", async () => {
    const result = await verifyCredentials(db, { email: " Admin@Example.com ", password: DEMO_PASSWORD }, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { email: "admin@example.com", role: "admin" } });
    expect(await db.auditLog.count({ where: { action: "auth.sign_in", target: "admin@example.com" } })).toBe(1);
  });

  it("never returns the password hash", async () => {
    const result = await verifyCredentials(db, { email: "ops@example.com", password: DEMO_PASSWORD }, "10.0.0.1");
    expect(JSON.stringify(result)).not.toContain("$2");
  });

  it.each([
    ["a wrong password", { email: "ops@example.com", password: "nope" }],
    ["an unknown email", { email: "ghost@example.com", password: DEMO_PASSWORD }],
    ["a malformed email", { email: "not-an-email", password: DEMO_PASSWORD }],
    ["no password", { email: "ops@example.com" }],
  ])("refuses %s with the same answer", async (_name, input) => {
    expect(await verifyCredentials(db, input, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a disabled user", async () => {
    await db.user.update({ where: { email: "support@example.com" }, data: { disabled: true } });
    expect(
      await verifyCredentials(db, { email: "support@example.com", password: DEMO_PASSWORD }, "10.0.0.3"),
    ).toMatchObject({ ok: false });
    await db.user.update({ where: { email: "support@example.com" }, data: { disabled: false } });
  });

  it("slows down repeated failures for one email, even with the right password, and forgets them after a success", async () => {
    const email = "viewer@example.com";
    for (let i = 0; i < 4; i++)
      expect(await verifyCredentials(db, { email, password: "wrong" }, `10.1.0.${i}`)).toMatchObject({
        reason: "invalid",
      });
    const blocked = await verifyCredentials(db, { email, password: DEMO_PASSWORD }, "10.1.0.9");
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect(blocked.ok === false && blocked.retryAfterMs).toBeGreaterThan(0);

    await db.signInFailure.updateMany({ where: { email }, data: { createdAt: new Date(Date.now() - 60_000) } });
    expect(await verifyCredentials(db, { email, password: DEMO_PASSWORD }, "10.1.0.9")).toMatchObject({ ok: true });
    expect(await db.signInFailure.count({ where: { email } })).toBe(0);
  });

  it("slows down one address guessing across many emails", async () => {
    for (let i = 0; i < 20; i++)
      await verifyCredentials(db, { email: `guess${i}@example.com`, password: "x" }, "192.0.2.50");
    expect(
      await verifyCredentials(db, { email: "admin@example.com", password: DEMO_PASSWORD }, "192.0.2.50"),
    ).toMatchObject({ reason: "throttled" });
    expect(
      await verifyCredentials(db, { email: "admin@example.com", password: DEMO_PASSWORD }, "192.0.2.51"),
    ).toMatchObject({ ok: true });
  });
});

describe("waitAfterFailures", () => {
  it("is free for the first few failures, then doubles up to a cap", () => {
    expect([0, 3, 4, 5, 6].map((n) => waitAfterFailures(n))).toEqual([0, 0, 1_000, 2_000, 4_000]);
    expect(waitAfterFailures(40)).toBe(5 * 60_000);
  });
});
