"use client";
// A run's last error in the reader's language: the order it happened on (when
// it was one order's), the sentence by key, and only the raw text that is
// nobody's sentence (a database error) as a left-to-right detail. Runs stored
// before the key was show their stored English.
import { Ltr } from "@/components/i18n/ltr";
import { NoticeText } from "@/components/i18n/notice-text";
import { UNEXPECTED_RUN_ERROR, type RunErrorNotice } from "@/lib/reconcile/run-error";

export function RunError({ message, notice }: { message: string | null; notice: RunErrorNotice | null }) {
  return (
    <span className="grid gap-0.5" data-testid="run-error">
      {notice?.orderUuid && <Ltr className="font-mono text-xs">{notice.orderUuid}</Ltr>}
      <NoticeText notice={notice} message={message} detail={notice?.key === UNEXPECTED_RUN_ERROR ? message : null} />
    </span>
  );
}
