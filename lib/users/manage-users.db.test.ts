import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { StaffUser } from "@/lib/auth/require-user";
import type { Role } from "@/lib/auth/roles";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase } from "@/lib/db/test-database";
import { LAST_ADMIN_MESSAGE, lockActiveAdmins, USER_NOT_FOUND } from "./admin-guard";
import { changeUserRole } from "./change-user-role";
import { resetUserPassword } from "./reset-user-password";
import { setUserDisabled } from "./set-user-disabled";

const OLD_PASSWORD = "the-old-password";
const NEW_PASSWORD = "a-brand-new-password";

let db: Db;
let drop: () => Promise<void>;
let oldHash: string;
let admin: StaffUser;

beforeAll(async () => {
  const database = await createTestDatabase({ prefix: "manage_users" });
  drop = database.drop;
  db = createDb(database.url);
  oldHash = await hashPassword(OLD_PASSWORD);
});

afterAll(async () => {
  await db.$disconnect();
  await drop();
});

async function addUser(email: string, role: Role, disabled = false): Promise<StaffUser> {
  return db.user.create({
    data: { email, name: email.split("@")[0]!, role, disabled, passwordHash: oldHash },
    select: { id: true, email: true, name: true, role: true },
  });
}

const signIn = (email: string, password: string) =>
  verifyCredentials(db, { email, password }, `10.9.${Math.floor(Math.random() * 250)}.1`);

beforeEach(async () => {
  await db.auditLog.deleteMany();
  await db.signInFailure.deleteMany();
  await db.user.deleteMany();
  admin = await addUser("admin@test.local", "admin");
});

describe("changeUserRole", () => {
  it("changes the role and audits from and to", async () => {
    const sara = await addUser("sara@test.local", "support");
    expect(await changeUserRole(db, admin, { userId: sara.id, role: "ops" })).toEqual({
      ok: true,
      message: "sara@test.local is now ops.",
    });
    expect(await db.user.findUnique({ where: { id: sara.id }, select: { role: true } })).toEqual({ role: "ops" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.role_change" } });
    expect(entry).toMatchObject({
      actorId: admin.id,
      target: "sara@test.local",
      detail: { userId: sara.id, from: "support", to: "ops" },
    });
  });

  it("does nothing, and audits nothing, when the role is already the one asked for", async () => {
    const sara = await addUser("sara@test.local", "support");
    expect(await changeUserRole(db, admin, { userId: sara.id, role: "support" })).toMatchObject({ ok: true });
    expect(await db.auditLog.count()).toBe(0);
  });

  it("answers in words for a user that does not exist", async () => {
    expect(await changeUserRole(db, admin, { userId: "00000000-0000-4000-8000-000000000000", role: "ops" })).toEqual({
      ok: false,
      message: USER_NOT_FOUND,
    });
  });
});

describe("admin protection", () => {
  it("never demotes or disables the last active admin, even when another admin is disabled", async () => {
    await addUser("former@test.local", "admin", true);
    expect(await changeUserRole(db, admin, { userId: admin.id, role: "ops" })).toEqual({
      ok: false,
      message: LAST_ADMIN_MESSAGE,
    });
    expect(await setUserDisabled(db, admin, { userId: admin.id, disabled: true })).toEqual({
      ok: false,
      message: LAST_ADMIN_MESSAGE,
    });
    expect(await db.user.findUnique({ where: { id: admin.id }, select: { role: true, disabled: true } })).toEqual({
      role: "admin",
      disabled: false,
    });
    expect(await db.auditLog.count()).toBe(0);
  });

  it("does not let an admin disable themselves or drop their own admin role, while other admins remain", async () => {
    await addUser("other@test.local", "admin");
    expect(await setUserDisabled(db, admin, { userId: admin.id, disabled: true })).toEqual({
      ok: false,
      message: "You cannot disable your own account; another admin must do it.",
    });
    expect(await changeUserRole(db, admin, { userId: admin.id, role: "viewer" })).toEqual({
      ok: false,
      message: "You cannot remove your own admin role; another admin must do it.",
    });
  });

  it("lets an admin demote or disable another admin while one remains", async () => {
    const other = await addUser("other@test.local", "admin");
    const third = await addUser("third@test.local", "admin");
    expect(await changeUserRole(db, admin, { userId: other.id, role: "ops" })).toMatchObject({ ok: true });
    expect(await setUserDisabled(db, admin, { userId: third.id, disabled: true })).toMatchObject({ ok: true });
  });

  it("keeps one admin when two admins demote each other at the same moment", async () => {
    const other = await addUser("other@test.local", "admin");
    // Hold the admins' rows so that both changes are under way before either can finish.
    let release = () => {};
    const holder = db.$transaction(async (tx) => {
      await lockActiveAdmins(tx);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await sleep(100);
    const racing = Promise.all([
      changeUserRole(db, admin, { userId: other.id, role: "ops" }),
      setUserDisabled(db, other, { userId: admin.id, disabled: true }),
    ]);
    await sleep(200);
    release();
    await holder;
    const results = await racing;
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)?.message).toBe(LAST_ADMIN_MESSAGE);
    expect(await db.user.count({ where: { role: "admin", disabled: false } })).toBe(1);
  });
});

describe("setUserDisabled", () => {
  it("stops a disabled user signing in, lets them back in once enabled, and audits both", async () => {
    const sara = await addUser("sara@test.local", "support");
    expect(await setUserDisabled(db, admin, { userId: sara.id, disabled: true })).toEqual({
      ok: true,
      message: "sara@test.local is disabled and signed out.",
    });
    expect(await signIn("sara@test.local", OLD_PASSWORD)).toEqual({ ok: false, reason: "invalid" });

    expect(await setUserDisabled(db, admin, { userId: sara.id, disabled: false })).toMatchObject({ ok: true });
    expect(await signIn("sara@test.local", OLD_PASSWORD)).toMatchObject({ ok: true });

    const actions = await db.auditLog.findMany({
      where: { action: { startsWith: "user." } },
      orderBy: { id: "asc" },
      select: { action: true, target: true },
    });
    expect(actions).toEqual([
      { action: "user.disable", target: "sara@test.local" },
      { action: "user.enable", target: "sara@test.local" },
    ]);
  });

  it("does not audit a user already in the state asked for", async () => {
    const sara = await addUser("sara@test.local", "support");
    expect(await setUserDisabled(db, admin, { userId: sara.id, disabled: false })).toEqual({
      ok: true,
      message: "sara@test.local is already active.",
    });
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe("resetUserPassword", () => {
  it("makes the new password work and the old one fail, and audits without secrets", async () => {
    const sara = await addUser("sara@test.local", "support");
    expect(await resetUserPassword(db, admin, { userId: sara.id, password: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await signIn("sara@test.local", NEW_PASSWORD)).toMatchObject({ ok: true });
    expect(await signIn("sara@test.local", OLD_PASSWORD)).toEqual({ ok: false, reason: "invalid" });

    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.password_reset" } });
    expect(entry).toMatchObject({ actorId: admin.id, target: "sara@test.local", detail: { userId: sara.id } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: sara.id }, omit: { passwordHash: false } });
    for (const secret of [NEW_PASSWORD, OLD_PASSWORD, stored.passwordHash!])
      expect(JSON.stringify([entry.target, entry.detail])).not.toContain(secret);
  });

  it("answers in words for a user that does not exist", async () => {
    expect(
      await resetUserPassword(db, admin, { userId: "00000000-0000-4000-8000-000000000000", password: NEW_PASSWORD }),
    ).toEqual({
      ok: false,
      message: USER_NOT_FOUND,
    });
  });
});
