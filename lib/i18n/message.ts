// A sentence to be said later, in whichever language the reader has: domain
// code (the go-live checklist, alert texts) answers a catalogue key and its
// values instead of English, and each reader's page, or an outbound post,
// words it. No React or Next here: Slack posts and the CLI use it too.
import { IntlMessageFormat } from "intl-messageformat";
import { catalogue } from "./catalogue";
import { displayFormat, type DisplayFormat } from "./format";
import type { Locale } from "./locales";

/** A value: words as they are (identifiers), a number or an instant (formatted per reader), or more sentences. */
export type MessageValue = string | number | Date | Message | Message[];
export interface Message {
  /** A key under the namespace the caller translates with, dots for nesting. */
  key: string;
  values?: Record<string, MessageValue>;
}

export const message = (key: string, values?: Record<string, MessageValue>): Message => ({ key, values });

const isMessage = (value: MessageValue): value is Message =>
  typeof value === "object" && !(value instanceof Date) && !Array.isArray(value);

/**
 * Resolves the values of a message for one reader: instants as Riyadh time per
 * their preferences, numbers in their digits, nested messages worded first and
 * lists joined as their language joins them. A number also comes raw (the
 * raw number) as `<name>Count`, the name itself being the formatted number.
 */
export function resolveValues(
  values: Record<string, MessageValue> | undefined,
  say: (m: Message) => string,
  format: DisplayFormat,
  locale: Locale,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (typeof value === "number") {
      out[name] = format.number(value);
      out[`${name}Count`] = value;
    } else if (value instanceof Date) out[name] = format.dateTime(value);
    else if (Array.isArray(value))
      out[name] = new Intl.ListFormat(locale === "ar" ? "ar" : "en-GB", { type: "conjunction" }).format(value.map(say));
    else out[name] = isMessage(value) ? say(value) : value;
  }
  return out;
}

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): string {
  let node: string | Tree | undefined = tree;
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`no message ${path}`);
  return node;
}

/**
 * Words messages of one namespace in one language, outside React (outbound
 * posts, tests): Gregorian, Latin digits, Riyadh time. Rich-text tags are
 * dropped to their content.
 */
export function translator(locale: Locale, namespace: string): (m: Message) => string {
  const messages = catalogue(locale) as unknown as Tree;
  const format = displayFormat({ locale, calendar: "gregory", digits: "latn" }, lookup(messages, "Common.riyadhTime"));
  const say = (m: Message): string => {
    const text = lookup(messages, `${namespace}.${m.key}`);
    const values: Record<string, string | number | ((chunks: string[]) => string)> = resolveValues(
      m.values,
      say,
      format,
      locale,
    );
    // Rich-text tags (<code>) keep their content.
    for (const [, tag] of text.matchAll(/<(\w+)>/g)) values[tag!] = (chunks) => chunks.join("");
    const out = new IntlMessageFormat(text, locale).format<string>(values);
    return Array.isArray(out) ? out.join("") : String(out);
  };
  return say;
}
