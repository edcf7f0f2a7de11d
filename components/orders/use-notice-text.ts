"use client";
// Server actions answer in English (for logs and the audit log) and with the
// same sentence as a catalogue key (lib/result/action-result.ts `Notice`):
// this shows that key in the reader's language, with amounts and statuses
// formatted for them. An answer without a key the catalogue knows (Points'
// own words, a validation message) is shown as written.
import { useTranslations } from "next-intl";
import { createElement, useCallback, type ReactNode } from "react";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Ltr } from "@/components/i18n/ltr";
import type { Notice } from "@/lib/result/action-result";

type Values = Record<string, string | number>;

/** A sentence by key in the reader's language, and Points' own words (external text, untranslated) apart. */
export interface NoticeParts {
  text: string;
  /** The same sentence for a page: identifiers the catalogue marks <code> stay left to right. */
  rich: ReactNode;
  said?: string;
}

const plain = (chunks: string) => chunks;
const identifier = (chunks: ReactNode) => createElement(Ltr, null, chunks);

export function useNoticeParts() {
  // The whole catalogue's key union is too large for the checker: keys reach it as data, checked with has().
  const t = useTranslations() as unknown as DynamicT;
  const tPoints = useTranslations("PointsErrors");
  const format = useDisplayFormat();
  return useCallback(
    (notice: Notice | null | undefined): NoticeParts | null => {
      const key = notice?.key;
      if (!notice || !key || !t.has(key)) return null;
      const raw: Values = notice.values ?? {};
      const values: Values = { ...raw };
      if (typeof raw.amount === "number") values.amount = format.sar(raw.amount);
      // Plurals take their number preformatted in the reader's digits.
      if (typeof raw.points === "number") values.n = format.number(raw.points);
      if (typeof raw.orderStatus === "string")
        values.orderStatus = known(t, `OrderStatus.${raw.orderStatus}`, raw.orderStatus);
      if (typeof raw.intentStatus === "string")
        values.intentStatus = known(t, `OrderActions.intentStatus.${raw.intentStatus}`, raw.intentStatus);
      const text = [t.markup(key, { ...values, code: plain })];
      if (!key.startsWith("PointsErrors."))
        return { text: text[0]!, rich: t.rich(key, { ...values, code: identifier }) };
      // The retries already made follow the sentence, as in the English message.
      if (typeof raw.retried === "number")
        text.push(tPoints("retried", { count: raw.retried, n: format.number(raw.retried) }));
      const said = typeof raw.said === "string" && raw.said !== "" ? raw.said : undefined;
      return { text: text.join(" "), rich: text.join(" "), said };
    },
    [t, tPoints, format],
  );
}

export function useNoticeText() {
  const parts = useNoticeParts();
  const tPoints = useTranslations("PointsErrors");
  return useCallback(
    (result: { message: string; notice?: Notice }): string => {
      const found = parts(result.notice);
      if (!found) return result.message;
      return found.said ? `${found.text} ${tPoints("said", { said: found.said })}` : found.text;
    },
    [parts, tPoints],
  );
}

/** next-intl's translator, loosened for keys that reach it as data. */
export interface DynamicT {
  (key: string, values?: Values): string;
  markup(key: string, values?: Record<string, string | number | ((chunks: string) => string)>): string;
  rich(key: string, values?: Record<string, string | number | ((chunks: ReactNode) => ReactNode)>): ReactNode;
  has(key: string): boolean;
}

function known(t: DynamicT, key: string, fallback: string): string {
  return t.has(key) ? t(key) : fallback;
}

/** The answer with its message in the reader's language, for dialogs and toasts that show `message`. */
export function useLocalisedResult() {
  const say = useNoticeText();
  return useCallback(
    <R extends { message: string; notice?: Notice }>(result: R): R => ({ ...result, message: say(result) }),
    [say],
  );
}
