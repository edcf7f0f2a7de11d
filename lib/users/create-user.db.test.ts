import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/require-user";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase } from "@/lib/db/test-database";
import { createUser } from "./create-user";
import { countUsers, listUsers } from "./list-users";
import { createUserSchema, resetPasswordSchema } from "./user-schemas";

let db: Db;
let drop: () => Promise<void>;
let admin: StaffUser;

beforeAll(async () => {
  const database = await createTestDatabase({ prefix: "create_user" });
  drop = database.drop;
  db = createDb(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await drop();
});

beforeEach(async () => {
  await db.auditLog.deleteMany();
  await db.user.deleteMany();
  admin = await db.user.create({
    data: { email: "boss@test.local", name: "Boss", role: "admin" },
    select: { id: true, email: true, name: true, role: true },
  });
});

const parse = (input: unknown) => createUserSchema.parse(input);

describe("createUserSchema", () => {
  it("normalises the email and treats an empty password as OAuth-only", () => {
    expect(parse({ email: "  Sara@Example.COM ", name: " Sara ", role: "support", password: "" })).toEqual({
      email: "sara@example.com",
      name: "Sara",
      role: "support",
      password: undefined,
    });
  });

  it.each([
    ["a short password", { password: "eleven-char" }, "at least 12 characters"],
    ["a password bcrypt would truncate", { password: "é".repeat(40) }, "at most 72 bytes"],
    ["an unknown role", { role: "owner" }, "choose a role"],
    ["a bad email", { email: "sara" }, "valid email"],
  ])("refuses %s", (_name, change, message) => {
    const result = createUserSchema.safeParse({
      email: "sara@example.com",
      name: "Sara",
      role: "support",
      password: "long-enough-pass",
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("holds a reset password to the same rule", () => {
    expect(resetPasswordSchema.safeParse({ userId: admin.id, password: "short" }).success).toBe(false);
  });
});

describe("createUser", () => {
  it("creates a password user who can sign in, and audits it without the password", async () => {
    const password = "correct-horse-battery";
    const result = await createUser(
      db,
      admin,
      parse({ email: "Sara@Example.com", name: "Sara", role: "support", password }),
    );
    expect(result).toEqual({ ok: true, message: "sara@example.com was added as support." });

    const signIn = await verifyCredentials(db, { email: "sara@example.com", password }, "10.0.0.1");
    expect(signIn).toMatchObject({ ok: true, user: { email: "sara@example.com", role: "support" } });

    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.create" } });
    expect(entry).toMatchObject({
      actorId: admin.id,
      target: "sara@example.com",
      detail: { role: "support", signIn: "password" },
    });
    expect(JSON.stringify(entry.detail)).not.toContain(password);
    expect(JSON.stringify(entry.detail)).not.toContain("$2");
  });

  it("refuses a duplicate email, whatever its case, and keeps the first user", async () => {
    await createUser(
      db,
      admin,
      parse({ email: "omar@example.com", name: "Omar", role: "viewer", password: "first-password-1" }),
    );
    const again = await createUser(
      db,
      admin,
      parse({ email: "OMAR@example.com", name: "Omar 2", role: "admin", password: "" }),
    );
    expect(again).toEqual({ ok: false, message: "A user with the email omar@example.com already exists." });
    expect(
      await db.user.findMany({ where: { email: "omar@example.com" }, select: { name: true, role: true } }),
    ).toEqual([{ name: "Omar", role: "viewer" }]);
    expect(await db.auditLog.count({ where: { action: "user.create" } })).toBe(1);
  });

  it("creates an OAuth-only user, who has no password to sign in with", async () => {
    await createUser(db, admin, parse({ email: "gh@example.com", name: "Via GitHub", role: "ops", password: "" }));
    expect(
      await verifyCredentials(db, { email: "gh@example.com", password: "anything-at-all" }, "10.0.0.2"),
    ).toMatchObject({ ok: false });
    expect(await db.auditLog.findFirst({ where: { action: "user.create" }, select: { detail: true } })).toMatchObject({
      detail: { signIn: "oauth" },
    });
  });
});

describe("listUsers", () => {
  it("lists newest first, says who has a password, and never carries a hash", async () => {
    await createUser(
      db,
      admin,
      parse({ email: "a@example.com", name: "A", role: "viewer", password: "password-of-a-1" }),
    );
    await createUser(db, admin, parse({ email: "b@example.com", name: "B", role: "ops", password: "" }));
    const rows = await listUsers(db);
    expect(rows.map((r) => [r.email, r.hasPassword])).toEqual([
      ["b@example.com", false],
      ["a@example.com", true],
      ["boss@test.local", false],
    ]);
    expect(JSON.stringify(rows)).not.toContain("$2");
    await db.user.update({ where: { email: "a@example.com" }, data: { disabled: true } });
    expect(await countUsers(db)).toEqual({ total: 3, disabled: 1 });
  });
});
