// Password sign-in, independent of next-auth so it can be tested on its own.
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";
import { clearSignInFailures, recordSignInFailure, signInRetryAfterMs } from "./sign-in-throttle";
import type { Role } from "./roles";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterMs?: number };

export async function verifyCredentials(db: Db, input: unknown, address: string): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const retryAfterMs = await signInRetryAfterMs(db, email, address);
  if (retryAfterMs > 0) return { ok: false, reason: "throttled", retryAfterMs };

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const matches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !user.passwordHash || user.disabled || !matches) {
    await recordSignInFailure(db, email, address);
    await recordAudit(db, { actorId: user?.id ?? null, action: "auth.sign_in_failed", target: email });
    return { ok: false, reason: "invalid" };
  }
  await clearSignInFailures(db, email);
  await recordAudit(db, { actorId: user.id, action: "auth.sign_in", target: email, detail: { method: "password" } });
  const { id, name, role, sessionVersion } = user;
  return { ok: true, user: { id, email: user.email, name, role, sessionVersion } };
}
