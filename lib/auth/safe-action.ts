// The one way to write a server action. `staffAction` checks the role first
// (fails closed), then the input against its zod schema, then runs the action
// with a context that can open a transaction carrying an `audit(...)` bound to
// it, so the change and its audit entry commit or roll back together. After it
// runs, the listed paths are revalidated. Every action answers one shape,
// `{ ok: true, ... } | { ok: false, message }`: a refusal a person should read
// is thrown as `ActionRefusal` (or returned as `{ ok: false, message }`);
// anything else is logged with the action's name and answered with a generic
// message, never with a raw error. An action takes `unknown`: forms send
// their fields as typed, and the schema is the only judge of them. Next's own control flow (redirect,
// notFound) passes through untouched.
//
// `publicAction` (and `publicFormAction`, for useActionState) is the same without a session, for the two pages strangers
// use (sign-in and the checkout callback); it has no audit, since there is no
// actor, and must do its own throttling.
//
// A test (lib/auth/server-actions.test.ts) fails on any "use server" export
// that is not built with one of these two.
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { getDb, type Client, type Db, type Tx } from "@/lib/db/prisma";
import { getLogger } from "@/lib/log/logger";
import { ActionRefusal, type ActionResult, type MessageResult, type Refusal } from "@/lib/result/action-result";
import { AccessDenied, requireRole, type StaffUser } from "./require-user";
import type { Role } from "./roles";

export { ActionRefusal, type ActionResult, type MessageResult, type Refusal };

export const GENERIC_MESSAGE = "Something went wrong. Reload the page to see where things stand.";

/**
 * One wording for input the schema refuses: its first problem, as the schema words it for a person
 * (and its catalogue key, when a refinement names one in `params.notice`).
 */
export function invalidInput(error: z.ZodError): Refusal {
  const issue = error.issues[0];
  const key = issue?.code === "custom" ? issue.params?.notice : undefined;
  const refusal: Refusal = { ok: false, message: issue?.message ?? "the form is not valid" };
  return typeof key === "string" ? { ...refusal, notice: { key } } : refusal;
}

function accessMessage(error: AccessDenied): string {
  return error.status === 401 ? "Your session has ended; sign in again." : "Your role does not allow this action.";
}

/** An audit entry as an action writes it: the actor is the signed-in user. */
export type ActionAudit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

export interface ActionContext<I> {
  user: StaffUser;
  input: I;
  db: Db;
  /** Runs `work` in one transaction; `audit` writes inside it, so the entry exists exactly when the change does. */
  transaction<R>(work: (tx: Tx, audit: ActionAudit) => Promise<R>): Promise<R>;
  /**
   * An audit entry on its own, for actions whose use case owns its transactions
   * because it calls Points between them (a transaction must not wait on the network).
   */
  audit: ActionAudit;
}

type RevalidateTarget = string | { path: string; type: "layout" | "page" };
type Targets = readonly RevalidateTarget[];
type Revalidate<I, R> = Targets | ((input: I, result: R) => Targets | Promise<Targets>);

interface ActionConfig<S extends z.ZodType, R> {
  /** Shown in the logs of an unexpected failure. */
  name: string;
  /** The least role that may run it; a function of the raw input where the role depends on what is asked. */
  role: Role | ((rawInput: unknown) => Role);
  /** The only judge of the input; defaults to none (the action takes no input). */
  input?: S;
  /** The message for an unexpected failure, saying what the person should check. */
  genericMessage?: string;
  /** Turns a domain error a person can act on into the message they read; `undefined` leaves it unexpected. */
  refuse?: (error: unknown) => string | undefined;
  /** A list is revalidated after a success; a function decides itself, success or not. */
  revalidate?: Revalidate<z.infer<S>, R>;
}

async function refreshPaths<I, R extends ActionResult<object>>(
  revalidate: Revalidate<I, R> | undefined,
  input: I,
  result: R,
) {
  if (!revalidate) return;
  const targets = typeof revalidate === "function" ? await revalidate(input, result) : result.ok ? revalidate : [];
  for (const target of targets)
    if (typeof target === "string") revalidatePath(target);
    else revalidatePath(target.path, target.type);
}

function answerFailure(
  config: Pick<ActionConfig<z.ZodType, unknown>, "name" | "genericMessage" | "refuse">,
  error: unknown,
): Refusal {
  unstable_rethrow(error);
  const refusal = config.refuse?.(error);
  if (refusal !== undefined) return { ok: false, message: refusal };
  if (error instanceof ActionRefusal)
    return error.fieldErrors
      ? { ok: false, message: error.message, fieldErrors: error.fieldErrors }
      : { ok: false, message: error.message };
  if (error instanceof AccessDenied) return { ok: false, message: accessMessage(error) };
  getLogger().error({ err: error, action: config.name }, "server action failed");
  return { ok: false, message: config.genericMessage ?? GENERIC_MESSAGE };
}

const NO_INPUT = z.unknown();

/** A staff action: role, validated input, transaction with audit, revalidation, one result shape. */
export function staffAction<S extends z.ZodType = typeof NO_INPUT, R extends ActionResult<object> = ActionResult>(
  config: ActionConfig<S, R>,
  run: (ctx: ActionContext<z.infer<S>>) => Promise<R>,
): (input?: unknown) => Promise<R | Refusal> {
  const schema: z.ZodType = config.input ?? NO_INPUT;
  return async (rawInput) => {
    try {
      const user = await requireRole(typeof config.role === "function" ? config.role(rawInput) : config.role);
      const parsed = schema.safeParse(rawInput);
      if (!parsed.success) return invalidInput(parsed.error);
      const db = getDb();
      const auditAs =
        (client: Client): ActionAudit =>
        (entry) =>
          recordAudit(client, { ...entry, actorId: user.id });
      const result = await run({
        user,
        input: parsed.data as z.infer<S>,
        db,
        transaction: (work) => db.$transaction((tx) => work(tx, auditAs(tx))),
        audit: auditAs(db),
      });
      await refreshPaths(config.revalidate, parsed.data as z.infer<S>, result);
      return result;
    } catch (error) {
      return answerFailure(config, error);
    }
  };
}

/** An action strangers may call: validated input and one result shape, no session, no audit. */
export function publicAction<S extends z.ZodType, R extends ActionResult<object>>(
  config: Omit<ActionConfig<S, R>, "role" | "revalidate"> & { input: S },
  run: (input: z.infer<S>) => Promise<R>,
): (input?: unknown) => Promise<R | Refusal> {
  return async (rawInput) => {
    try {
      const parsed = config.input.safeParse(rawInput);
      if (!parsed.success) return invalidInput(parsed.error);
      return await run(parsed.data as z.infer<S>);
    } catch (error) {
      return answerFailure(config, error);
    }
  };
}

/**
 * publicAction in the shape React's useActionState calls: (previous answer,
 * form data). The form data is the input; the previous answer is ignored.
 */
export function publicFormAction<S extends z.ZodType, R extends ActionResult<object>>(
  config: Omit<ActionConfig<S, R>, "role" | "revalidate"> & { input: S },
  run: (input: z.infer<S>) => Promise<R>,
): (previous: R | Refusal | null, form: FormData) => Promise<R | Refusal> {
  const action = publicAction(config, run);
  return (_previous, form) => action(Object.fromEntries(form));
}
