// A request body as PostgreSQL text can hold it. Text refuses NUL bytes and
// invalid UTF-8 (including encoded lone surrogates); such a body is still kept
// for ops, as its exact bytes beside a readable stand-in.
export type BodyText = { ok: true; text: string } | { ok: false; problem: string; readable: string };

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder("utf-8", { ignoreBOM: true });

/** NUL shown as ␀ (U+2400); invalid bytes were already decoded as U+FFFD. */
const readable = (text: string) => text.replaceAll("\u0000", "\u2400");

export function bodyText(bytes: Uint8Array): BodyText {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    return { ok: false, problem: "body is not valid UTF-8", readable: readable(lenient.decode(bytes)) };
  }
  if (text.includes("\u0000"))
    return {
      ok: false,
      problem: "body contains a NUL byte, which PostgreSQL text cannot hold",
      readable: readable(text),
    };
  return { ok: true, text };
}
