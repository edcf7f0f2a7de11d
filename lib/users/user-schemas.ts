// What admins submit about staff users. Passwords: at least 12 characters, and
// at most 72 bytes because bcrypt ignores everything after that, which would
// make a longer password only look stronger than it is.
import type { MessageResult } from "@/lib/result/action-result";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const MIN_PASSWORD = 12;
const MAX_PASSWORD_BYTES = 72;

const userId = z.uuid("unknown user");
const role = z.enum(ROLES, "choose a role");

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD, `the password must be at least ${MIN_PASSWORD} characters`)
  .refine(
    (v) => Buffer.byteLength(v, "utf8") <= MAX_PASSWORD_BYTES,
    `the password must be at most ${MAX_PASSWORD_BYTES} bytes`,
  );

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("enter a valid email address")),
  name: z.string().trim().min(1, "enter a name").max(120, "the name must be at most 120 characters"),
  role,
  // Empty means an OAuth-only user, who signs in with GitHub and has no password.
  password: z.preprocess((v) => (v === "" || v === null ? undefined : v), passwordSchema.optional()),
});

export const changeRoleSchema = z.object({ userId, role });

export const setDisabledSchema = z.object({ userId, disabled: z.boolean() });

export const resetPasswordSchema = z.object({ userId, password: passwordSchema });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;
export type SetDisabledInput = z.infer<typeof setDisabledSchema>;
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** Every user use case answers in words a person can act on. */
export type UserActionResult = MessageResult;
