"use client";
// A smoke step's detail in the reader's language: each stored sentence by its
// key, durations, amounts and statuses formatted for the reader, identifiers
// left to right, and outside text (Points' refusal, a processing error) as a
// left-to-right detail under its sentence. Steps stored before the keys were
// show their stored English.
import { useTranslations } from "next-intl";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { NoticeText } from "@/components/i18n/notice-text";
import { useNoticeParts, type DynamicT } from "@/components/orders/use-notice-text";
import type { Notice } from "@/lib/result/action-result";
import { SMOKE_DETAIL_PREFIX, SMOKE_VALUE_KINDS, type SmokeDetailNotice } from "@/lib/smoke/smoke-detail-notice";

function useLocalise() {
  // Status keys reach this as data, checked with has().
  const t = useTranslations() as unknown as DynamicT;
  const format = useDisplayFormat();
  const label = (key: string, raw: string) => (t.has(key) ? t(key) : raw);
  return (notice: Notice): Notice => {
    if (!notice.key.startsWith(SMOKE_DETAIL_PREFIX)) return notice;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(notice.values ?? {})) {
      const kind = SMOKE_VALUE_KINDS[name as keyof typeof SMOKE_VALUE_KINDS];
      // A number: in the reader's digits, and raw as `<name>Count` for plurals (lib/i18n/message.ts).
      if (typeof value === "number") {
        values[name] =
          kind === "seconds"
            ? t("GoLive.smoke.seconds", { s: format.number(value) })
            : kind === "sar"
              ? format.sar(value)
              : format.number(value);
        values[`${name}Count`] = value;
      } else if (kind === "orderStatus") values[name] = label(`OrderStatus.${value}`, value);
      else if (kind === "shipping") values[name] = label(`Orders.shipping.${value}`, value);
      else if (kind === "delivery") values[name] = label(`Webhooks.status.${value}`, value);
      else values[name] = value;
    }
    return { key: notice.key, values };
  };
}

export function SmokeDetail({ detail, notice }: { detail: string | null; notice: SmokeDetailNotice | null }) {
  const parts = useNoticeParts();
  const localise = useLocalise();
  if (!notice || !parts(localise(notice)))
    return detail ? <NoticeText message={detail} /> : <span className="text-muted-foreground">—</span>;
  return (
    <span className="grid gap-1" data-testid="smoke-detail">
      {[notice, ...(notice.then ?? [])].map((sentence, i) => (
        <span key={i}>
          <NoticeText notice={localise(sentence)} detail={sentence.external} />
        </span>
      ))}
    </span>
  );
}
