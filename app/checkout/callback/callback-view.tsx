"use client";

import { useEffect, useState } from "react";
import type { CallbackStatus } from "@/lib/checkout/callback-status";
import { loadCallbackStatus } from "./actions";
import { formatAmount, MESSAGES, type Lang } from "./messages";

const POLL_MS = 3_000;
const GIVE_UP_MS = 3 * 60_000;

// The state's colour on the title itself, so the page reads at a glance.
const TITLE_TONE = {
  confirmed: "text-success-fg",
  pending: "text-foreground",
  unknown: "text-foreground",
  cancelled: "text-foreground",
  failed: "text-danger-fg",
  refunded: "text-warning-fg",
} as const;

export function CallbackView({
  orderNumber,
  initial,
  initialLang,
}: {
  orderNumber: string | null;
  initial: CallbackStatus | null;
  initialLang: Lang;
}) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [status, setStatus] = useState(initial);
  const [gaveUp, setGaveUp] = useState(false);
  const t = MESSAGES[lang];
  const waiting = status?.state === "pending";

  useEffect(() => {
    if (!orderNumber || !waiting) return;
    const started = Date.now();
    const timer = setInterval(async () => {
      if (Date.now() - started > GIVE_UP_MS) {
        setGaveUp(true);
        clearInterval(timer);
        return;
      }
      const result = await loadCallbackStatus(orderNumber).catch(() => null);
      if (result?.ok) setStatus(result.status);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [orderNumber, waiting]);

  const key = !status ? "unknown" : status.state === "pending" && !status.amount ? "unknown" : status.state;
  return (
    <main
      lang={lang}
      dir={lang === "ar" ? "rtl" : "ltr"}
      className="flex min-h-screen items-center justify-center bg-background p-6"
    >
      <div className="w-full max-w-md rounded-xl border bg-surface p-8 text-center shadow-sm">
        <div className="flex justify-end">
          <button
            type="button"
            onClick={() => setLang(lang === "ar" ? "en" : "ar")}
            className="text-sm font-medium text-accent underline"
            lang={lang === "ar" ? "en" : "ar"}
          >
            {t.toggle}
          </button>
        </div>
        {!orderNumber ? (
          <p className="mt-6 text-base">{t.missing}</p>
        ) : (
          <>
            {waiting && !gaveUp && (
              <p
                data-testid="callback-state"
                className={`mx-auto mt-4 inline-block rounded-full px-3 py-1 text-xs font-semibold bg-info-bg text-info-fg`}
              >
                {t.checking}
              </p>
            )}
            <h1 className={`mt-4 text-2xl font-semibold ${TITLE_TONE[key]}`}>{t[key].title}</h1>
            <p className="mt-2 text-muted-foreground">{gaveUp ? t.stillChecking : t[key].body}</p>
            <dl className="mt-6 grid grid-cols-2 gap-y-2 text-sm">
              <dt className="text-muted-foreground">{t.orderNumber}</dt>
              <dd className="font-mono" dir="ltr">
                {orderNumber}
              </dd>
              {status?.amount && (
                <>
                  <dt className="text-muted-foreground">{t.amount}</dt>
                  <dd data-testid="callback-amount">{formatAmount(status.amount, lang)}</dd>
                </>
              )}
            </dl>
          </>
        )}
      </div>
    </main>
  );
}
