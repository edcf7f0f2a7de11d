// A new role takes effect on the user's next request: requireUser reads the
// role from the database every time, never from the session token. Their
// sessions end too (session version), so they sign in again under the new role.
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffUser } from "@/lib/auth/require-user";
import type { Db } from "@/lib/db/prisma";
import { adminRemovalRefusal, lockActiveAdmins, USER_NOT_FOUND } from "./admin-guard";
import type { ChangeRoleInput, UserActionResult } from "./user-schemas";

export async function changeUserRole(db: Db, actor: StaffUser, input: ChangeRoleInput): Promise<UserActionResult> {
  // A string is a refusal; otherwise the user as it was before the change.
  const before = await db.$transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true, role: true } });
    if (!user) return USER_NOT_FOUND;
    if (user.role === input.role) return user;
    const refusal = input.role === "admin" ? null : adminRemovalRefusal(activeAdmins, actor.id, input.userId, "demote");
    if (refusal) return refusal;
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.role_change",
      target: user.email,
      detail: { userId: input.userId, from: user.role, to: input.role },
    });
    return user;
  });
  if (typeof before === "string") return { ok: false, message: before };
  if (before.role === input.role) return { ok: true, message: `${before.email} already has the ${input.role} role.` };
  return { ok: true, message: `${before.email} is now ${input.role}.` };
}
