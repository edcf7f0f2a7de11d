// What every server action answers, and the refusal a person should read,
// thrown from an action or the use case it runs: the builder (lib/auth/safe-action.ts)
// answers it with its message as written. Kept apart from the builder so
// domain code and client components can use them without importing Next.
export type Refusal = { ok: false; message: string; fieldErrors?: Record<string, string>; notice?: Notice };
/**
 * The same sentence as a message catalogue key ("Namespace.key") and its values, so a page shows it in the
 * reader's language; `message` stays the English one for logs, audit entries and callers without catalogues.
 * Values are raw (amounts as numbers): the page formats them per the reader's preferences.
 */
export type Notice = { key: string; values?: Record<string, string | number> };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}`: a success that carries nothing but `ok`.
export type ActionResult<T extends object = {}> = ({ ok: true } & T) | Refusal;
/** The common case: a sentence either way. */
export type MessageResult = ActionResult<{ message: string }>;

export class ActionRefusal extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "ActionRefusal";
  }
}
