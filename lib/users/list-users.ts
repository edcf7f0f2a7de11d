// Staff users for the settings pages. Whether a user has a password is asked
// of the database, so hashes never leave it for a listing.
import type { Db } from "@/lib/db/prisma";

// Staff are a handful of people; the cap only keeps a mistake from rendering an endless page.
export const USER_LIST_CAP = 500;

export async function listUsers(db: Db) {
  const [users, oauthOnly] = await Promise.all([
    db.user.findMany({
      select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: USER_LIST_CAP,
    }),
    db.user.findMany({ where: { passwordHash: null }, select: { id: true } }),
  ]);
  const withoutPassword = new Set(oauthOnly.map((u) => u.id));
  return users.map((user) => ({ ...user, hasPassword: !withoutPassword.has(user.id) }));
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

export async function countUsers(db: Db): Promise<{ total: number; disabled: number }> {
  const [total, disabled] = await Promise.all([db.user.count(), db.user.count({ where: { disabled: true } })]);
  return { total, disabled };
}
