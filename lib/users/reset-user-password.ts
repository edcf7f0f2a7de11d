// An admin sets a new password for someone who lost theirs (or gives an
// OAuth-only user a password); whoever held the old one is signed out. The
// audit entry says that it happened, never what it is.
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { StaffUser } from "@/lib/auth/require-user";
import type { Db } from "@/lib/db/prisma";
import { USER_NOT_FOUND } from "./admin-guard";
import type { ResetPasswordInput, UserActionResult } from "./user-schemas";

export async function resetUserPassword(
  db: Db,
  actor: StaffUser,
  input: ResetPasswordInput,
): Promise<UserActionResult> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { email: true } });
  if (!user) return { ok: false, message: USER_NOT_FOUND };
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.password_reset",
      target: user.email,
      detail: { userId: input.userId },
    });
  });
  return { ok: true, message: `New password set for ${user.email}. Share it with them privately.` };
}
