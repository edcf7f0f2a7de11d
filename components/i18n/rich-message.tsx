// A Message (lib/i18n/message.ts) worded for the signed-in reader, in server
// and client components alike: identifiers the catalogue marks <code> stay
// left-to-right inside Arabic text.
import type { ReactNode } from "react";
import { Ltr } from "@/components/i18n/ltr";
import type { DisplayFormat } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { resolveValues, type Message } from "@/lib/i18n/message";

type Chunks = (chunks: ReactNode) => ReactNode;
/** next-intl's translator of one namespace, loosened for keys known only at run time. */
export interface LooseTranslator {
  rich(key: string, values?: Record<string, ReactNode | Chunks>): ReactNode;
  markup(key: string, values?: Record<string, string | number | ((chunks: string) => string)>): string;
}

const plain = (chunks: string) => chunks;

/** The message as plain text (a toast, an attribute): identifiers without their markup. */
export function plainMessage(t: LooseTranslator, m: Message, format: DisplayFormat, locale: Locale): string {
  const say = (inner: Message): string =>
    t.markup(inner.key, { ...resolveValues(inner.values, say, format, locale), code: plain });
  return say(m);
}

export function richMessage(t: LooseTranslator, m: Message, format: DisplayFormat, locale: Locale): ReactNode {
  const say = (inner: Message) => plainMessage(t, inner, format, locale);
  const values: Record<string, ReactNode | Chunks> = resolveValues(m.values, say, format, locale);
  // A sentence inside a sentence keeps its own identifiers left-to-right.
  for (const [name, value] of Object.entries(m.values ?? {}))
    if (typeof value === "object" && !(value instanceof Date) && !Array.isArray(value))
      values[name] = richMessage(t, value, format, locale);
  return t.rich(m.key, { ...values, code: (chunks) => <Ltr>{chunks}</Ltr> });
}
