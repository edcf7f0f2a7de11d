// Keeps the dashboard administrable: there is always at least one active
// admin, and nobody locks themselves out. The active admins' rows are locked
// until the transaction ends, so two admins demoting each other at the same
// moment are serialised and the second sees that only one admin is left.
import type { Tx } from "@/lib/db/prisma";

export const USER_NOT_FOUND = "This user does not exist (any more); reload the page.";

export const LAST_ADMIN_MESSAGE =
  "This is the last active admin, and without one nobody could manage users or settings. Make another user an admin first.";

/** Ids of the active admins, locked for the rest of the transaction (ordered, so concurrent callers cannot deadlock). */
export async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text AS id FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.id);
}

/** Why `actorId` may not disable or demote `userId`, or null when they may. */
export function adminRemovalRefusal(
  activeAdmins: string[],
  actorId: string,
  userId: string,
  change: "disable" | "demote",
): string | null {
  // Checked before the self rule: when both apply, this is the reason that explains what to do.
  if (activeAdmins.length === 1 && activeAdmins[0] === userId) return LAST_ADMIN_MESSAGE;
  if (userId !== actorId) return null;
  return change === "disable"
    ? "You cannot disable your own account; another admin must do it."
    : "You cannot remove your own admin role; another admin must do it.";
}
