// A disabled user cannot sign in (password or GitHub), and a session they
// already have stops working on its next request: requireUser re-reads the
// user every time, and the raised session version refuses their old tokens
// even once they are enabled again.
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffUser } from "@/lib/auth/require-user";
import type { Db } from "@/lib/db/prisma";
import { adminRemovalRefusal, lockActiveAdmins, USER_NOT_FOUND } from "./admin-guard";
import type { SetDisabledInput, UserActionResult } from "./user-schemas";

export async function setUserDisabled(db: Db, actor: StaffUser, input: SetDisabledInput): Promise<UserActionResult> {
  // A string is a refusal; otherwise the user as it was before the change.
  const before = await db.$transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true, disabled: true } });
    if (!user) return USER_NOT_FOUND;
    if (user.disabled === input.disabled) return user;
    const refusal = input.disabled ? adminRemovalRefusal(activeAdmins, actor.id, input.userId, "disable") : null;
    if (refusal) return refusal;
    await tx.user.update({
      where: { id: input.userId },
      data: { disabled: input.disabled, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.disabled ? "user.disable" : "user.enable",
      target: user.email,
      detail: { userId: input.userId },
    });
    return user;
  });
  if (typeof before === "string") return { ok: false, message: before };
  const state = input.disabled ? "disabled" : "active";
  if (before.disabled === input.disabled) return { ok: true, message: `${before.email} is already ${state}.` };
  return {
    ok: true,
    message: input.disabled ? `${before.email} is disabled and signed out.` : `${before.email} can sign in again.`,
  };
}
