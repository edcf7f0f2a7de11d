"use client";
// Text the server stored or answered for a person to read: its catalogue key
// (a `Notice`) in the reader's language, identifiers the catalogue marks
// <code> kept left to right, with only external words (Points' own error
// body, a database error) set apart below it as a left-to-right detail. Rows written before the server stored keys have only their English
// sentence, which is shown as it was written.
import { useTranslations } from "next-intl";
import { useNoticeParts } from "@/components/orders/use-notice-text";
import type { Notice } from "@/lib/result/action-result";

export function NoticeText({
  notice,
  message,
  detail,
}: {
  notice?: Notice | null;
  /** the stored English sentence: what a row without a known key shows */
  message?: string | null;
  /** external text that has no translation, shown under the sentence */
  detail?: string | null;
}) {
  const parts = useNoticeParts()(notice);
  const tPoints = useTranslations("PointsErrors");
  if (!parts)
    return message ? (
      <span lang="en" dir="ltr" className="block text-start">
        {message}
      </span>
    ) : null;
  const external = parts.said ?? detail;
  return (
    <>
      <span>{parts.rich}</span>
      {external && (
        <span className="block text-xs text-muted-foreground">
          {parts.said ? tPoints("saidLabel") : null}{" "}
          <span lang="en" dir="ltr" className="font-mono">
            {external}
          </span>
        </span>
      )}
    </>
  );
}
