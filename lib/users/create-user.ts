// Adds a staff user. Without a password the user is OAuth-only: they can sign
// in with GitHub (when configured) under the same email, and never with a password.
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { StaffUser } from "@/lib/auth/require-user";
import type { Db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreateUserInput, UserActionResult } from "./user-schemas";

export async function createUser(db: Db, actor: StaffUser, input: CreateUserInput): Promise<UserActionResult> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const signIn = passwordHash ? "password" : "oauth";
  try {
    await db.$transaction(async (tx) => {
      const { id } = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.create",
        target: input.email,
        detail: { userId: id, role: input.role, signIn },
      });
    });
  } catch (error) {
    // The unique index is the judge, so two admins adding the same person at once get one user, not two.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, message: `A user with the email ${input.email} already exists.` };
    throw error;
  }
  return { ok: true, message: `${input.email} was added as ${input.role}.` };
}
