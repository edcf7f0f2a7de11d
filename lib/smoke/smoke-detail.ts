// A smoke step's detail as it is stored: the English sentence (`detail`: the
// CLI prints it, and rows stored before notices show it) and the same as
// catalogue keys with their values (`detail_notice`), so the Go-live page words
// it in the reader's language. The English is the catalogue's own, so the two
// cannot drift. Text that is nobody's sentence (Points' refusal, a processing
// error) is kept apart as `external`, shown left to right under the sentence.
import { translator } from "@/lib/i18n/message";
import type { Notice } from "@/lib/result/action-result";
import { SMOKE_DETAIL_PREFIX, SMOKE_VALUE_KINDS, type SmokeDetailNotice } from "./smoke-detail-notice";

export interface SmokeDetail {
  text: string;
  notice: SmokeDetailNotice;
}

const english = translator("en", "GoLive");

function englishValues(values: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = { ...values };
  for (const [name, value] of Object.entries(values)) {
    const kind = SMOKE_VALUE_KINDS[name as keyof typeof SMOKE_VALUE_KINDS];
    if (kind === "seconds" && typeof value === "number") out[name] = `${value.toFixed(1)} s`;
    if (kind === "sar") out[name] = `${value} SAR`;
  }
  return out;
}

const withExternal = (sentence: string, external?: string) => (external ? `${sentence} (${external})` : sentence);

/** A sentence of ours: `key` under GoLive.smoke.details, durations given in seconds. */
export function smokeDetail(key: string, values: Record<string, string | number> = {}, external?: string): SmokeDetail {
  const sentence = english({ key: `smoke.details.${key}`, values: englishValues(values) });
  return {
    text: withExternal(sentence, external),
    notice: { key: `${SMOKE_DETAIL_PREFIX}${key}`, values, ...(external ? { external } : {}) },
  };
}

/** Another notice's sentence (Points' error by its PointsErrors key) with its English as written. */
export const foreignDetail = (text: string, notice: Notice): SmokeDetail => ({ text, notice });

/** The first detail followed by the others' sentences. */
export function followedBy(first: SmokeDetail, ...rest: SmokeDetail[]): SmokeDetail {
  const sentences = [first, ...rest].flatMap(({ notice: { then, ...own } }) => [own, ...(then ?? [])]);
  const [head, ...then] = sentences;
  return { text: [first, ...rest].map((d) => d.text).join(" "), notice: { ...head!, then } };
}

export const secondsOf = (ms: number) => Math.round(ms / 100) / 10;
