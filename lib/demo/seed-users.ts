// Demo staff, one per role (contract.md): only in sandbox and only into an
// empty users table, so a real installation is never touched.
import type { Db } from "@/lib/db/prisma";
import { hashPassword } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/roles";

export const DEMO_PASSWORD = "points-demo";

export const DEMO_USERS = ROLES.map((role) => ({
  email: `${role}@example.com`,
  name: `Demo ${role[0]!.toUpperCase()}${role.slice(1)}`,
  role,
}));

/** Returns true when the demo users were created now. */
export async function seedDemoUsers(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.user.createMany({ data: DEMO_USERS.map((u) => ({ ...u, passwordHash })), skipDuplicates: true });
  return true;
}
