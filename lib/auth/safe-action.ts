// The one wrapper every server action runs in: the role first (fails closed),
// then the action. A refusal is said plainly; anything unexpected is logged
// with the action's name and answered with the caller's generic message, never
// with a raw error.
import type { z } from "zod";
import { getLogger } from "@/lib/log/logger";
import { AccessDenied, requireRole, type StaffUser } from "./require-user";
import type { Role } from "./roles";

export type Refusal = { ok: false; message: string };

export function accessMessage(error: AccessDenied): string {
  return error.status === 401 ? "Your session has ended; sign in again." : "Your role does not allow this action.";
}

export async function safeAction<T>(
  name: string,
  role: Role,
  genericError: string,
  run: (user: StaffUser) => Promise<T>,
): Promise<T | Refusal> {
  try {
    return await run(await requireRole(role));
  } catch (error) {
    if (error instanceof AccessDenied) return { ok: false, message: accessMessage(error) };
    getLogger().error({ err: error, action: name }, "server action failed");
    return { ok: false, message: genericError };
  }
}

/** safeAction with the input checked by `schema` first; a bad input is refused with its first problem. */
export async function validatedAction<S extends z.ZodType, T>(
  name: string,
  role: Role,
  genericError: string,
  schema: S,
  input: unknown,
  run: (user: StaffUser, data: z.infer<S>) => Promise<T>,
): Promise<T | Refusal> {
  return safeAction(name, role, genericError, async (user) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success)
      return { ok: false, message: parsed.error.issues[0]?.message ?? "the form is not valid" } satisfies Refusal;
    return run(user, parsed.data);
  });
}
