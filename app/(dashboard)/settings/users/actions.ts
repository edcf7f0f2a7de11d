"use server";
// Admins manage staff users. Each action: the admin role first (fails closed),
// then the validated input, then the use case, which applies the change and
// audits it. Refusals come back as written; anything unexpected is logged and
// answered with a generic message.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { StaffUser } from "@/lib/auth/require-user";
import { validatedAction } from "@/lib/auth/safe-action";
import { getDb } from "@/lib/db/prisma";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import {
  changeRoleSchema,
  createUserSchema,
  resetPasswordSchema,
  setDisabledSchema,
  type UserActionResult,
} from "@/lib/users/user-schemas";

const GENERIC_ERROR =
  "Something went wrong and the change may not have been saved. Reload the page to see where things stand.";

async function asAdmin<S extends z.ZodType>(
  name: string,
  schema: S,
  input: unknown,
  run: (admin: StaffUser, input: z.infer<S>) => Promise<UserActionResult>,
): Promise<UserActionResult> {
  const result = await validatedAction(name, "admin", GENERIC_ERROR, schema, input, run);
  // "layout" so that the settings index, which shows the user count, is refreshed too.
  if (result.ok) revalidatePath("/settings", "layout");
  return result;
}

// `unknown`: the forms send their fields as typed; the schemas are the only judge of them.
export async function createUserAction(input: unknown): Promise<UserActionResult> {
  return asAdmin("createUserAction", createUserSchema, input, (admin, data) => createUser(getDb(), admin, data));
}

export async function changeUserRoleAction(input: unknown): Promise<UserActionResult> {
  return asAdmin("changeUserRoleAction", changeRoleSchema, input, (admin, data) =>
    changeUserRole(getDb(), admin, data),
  );
}

export async function setUserDisabledAction(input: unknown): Promise<UserActionResult> {
  return asAdmin("setUserDisabledAction", setDisabledSchema, input, (admin, data) =>
    setUserDisabled(getDb(), admin, data),
  );
}

export async function resetUserPasswordAction(input: unknown): Promise<UserActionResult> {
  return asAdmin("resetUserPasswordAction", resetPasswordSchema, input, (admin, data) =>
    resetUserPassword(getDb(), admin, data),
  );
}
