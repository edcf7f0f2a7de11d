// A smoke step's detail as the page reads it back from `smoke_steps.detail_notice`:
// catalogue keys with their values, and outside text apart (`external`).
// Apart from smoke-detail.ts, which words the English, so the page's bundle
// carries no translator.
import type { Notice } from "@/lib/result/action-result";
import { storedNotice } from "@/lib/result/stored-notice";

export const SMOKE_DETAIL_PREFIX = "GoLive.smoke.details.";

/** One sentence of a detail, with the outside text it quotes. */
export type SmokeSentence = Notice & { external?: string };
/** The sentences that follow the first (the receiver advice, Points' error, the temporary endpoint's cleanup). */
export type SmokeDetailNotice = SmokeSentence & { then?: SmokeSentence[] };

/**
 * How the page formats a value of these keys (values not named here are identifiers, shown as they are):
 * `seconds` a duration, `amount`/`total` SAR, the others a status it has a label for.
 */
export const SMOKE_VALUE_KINDS = {
  seconds: "seconds",
  amount: "sar",
  total: "sar",
  orderStatus: "orderStatus",
  expectedStatus: "orderStatus",
  shippingStatus: "shipping",
  expectedShipping: "shipping",
  deliveryStatus: "delivery",
} as const;

function storedSentence(value: unknown): SmokeSentence | null {
  const notice = storedNotice(value);
  if (!notice) return null;
  const external = (value as Record<string, unknown>).external;
  return typeof external === "string" && external ? { ...notice, external } : notice;
}

/** A stored detail notice read back; anything else (a step from before notices were stored) is null. */
export function storedSmokeDetail(value: unknown): SmokeDetailNotice | null {
  const head = storedSentence(value);
  if (!head) return null;
  const then = (value as Record<string, unknown>).then;
  const rest = Array.isArray(then) ? then.map(storedSentence).filter((s): s is SmokeSentence => s !== null) : [];
  return rest.length ? { ...head, then: rest } : head;
}
