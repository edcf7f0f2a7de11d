"use client";

import { useEffect, useState } from "react";
import { useMarkHydrated } from "@/components/providers/use-mark-hydrated";
import { buttonClasses } from "@/components/ui/button";
import type { CallbackState, CallbackStatus } from "@/lib/checkout/callback-status";
import { loadCallbackStatus } from "./actions";
import { formatAmount, MESSAGES, type Lang, type ViewState } from "./messages";

const POLL_MS = 3_000;
// How long a settling payment is watched, and how long an order we have not heard of is looked for
// (its first webhook may be a few seconds behind the shopper) before saying we couldn't find it.
const WATCH_PENDING_MS = 3 * 60_000;
const LOOK_FOR_UNKNOWN_MS = 20_000;

const VIEW_STATE: Record<CallbackState, ViewState> = {
  confirmed: "confirmed",
  pending: "pending",
  not_found: "looking",
  cancelled: "cancelled",
  failed: "failed",
  refunded: "refunded",
  partially_refunded: "partiallyRefunded",
};

// The state's colour on the title itself, so the page reads at a glance.
const TITLE_TONE: Partial<Record<ViewState, string>> = {
  confirmed: "text-success-fg",
  failed: "text-danger-fg",
  refunded: "text-warning-fg",
  partiallyRefunded: "text-warning-fg",
};

export interface Merchant {
  name?: string;
  logoUrl?: string;
  storeUrl?: string;
}

export function CallbackView({
  orderNumber,
  token,
  initial,
  blocked,
  lang,
  otherLangHref,
  merchant,
}: {
  orderNumber: string | null;
  token?: string;
  initial: CallbackStatus | null;
  blocked: boolean;
  lang: Lang;
  otherLangHref: string;
  merchant: Merchant;
}) {
  const [status, setStatus] = useState(initial);
  const [gaveUp, setGaveUp] = useState(false);
  const t = MESSAGES[lang];
  const polling = status?.state === "pending" || status?.state === "not_found";

  useEffect(() => {
    if (!orderNumber || !polling) return;
    const started = Date.now();
    const limit = status?.state === "pending" ? WATCH_PENDING_MS : LOOK_FOR_UNKNOWN_MS;
    const timer = setInterval(async () => {
      if (Date.now() - started > limit) {
        setGaveUp(true);
        clearInterval(timer);
        return;
      }
      const result = await loadCallbackStatus({ orderNumber, token }).catch(() => null);
      if (result?.ok && result.status) setStatus(result.status);
    }, POLL_MS);
    return () => clearInterval(timer);
    // A new state restarts the clock (e.g. an order found while looking is then watched while pending).
  }, [orderNumber, token, polling, status?.state]);
  // After the polling effect: once the page says it has hydrated, the clock that ends the looking is running.
  useMarkHydrated();

  const view: ViewState = blocked
    ? "rateLimited"
    : !orderNumber || !status
      ? "missing"
      : status.state === "pending" && gaveUp
        ? "stillPending"
        : status.state === "not_found" && gaveUp
          ? "notFound"
          : VIEW_STATE[status.state];
  const amount = status?.amount ? formatAmount(status.amount, lang) : undefined;
  const refunded = status?.refundedAmount ? formatAmount(status.refundedAmount, lang) : undefined;
  const checking = view === "pending" || view === "looking";

  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-background p-4 sm:p-6">
      <div className="w-full max-w-md rounded-xl border bg-surface p-6 shadow-sm sm:p-8">
        <header className="flex items-center justify-between gap-4">
          <div className="flex min-w-0 items-center gap-3" data-testid="merchant">
            {merchant.logoUrl && (
              // eslint-disable-next-line @next/next/no-img-element -- a merchant's logo from any host: next/image would need each host configured.
              <img src={merchant.logoUrl} alt="" className="size-10 shrink-0 rounded-md object-contain" />
            )}
            {merchant.name && <span className="truncate text-base font-semibold">{merchant.name}</span>}
          </div>
          <a
            href={otherLangHref}
            hrefLang={lang === "ar" ? "en" : "ar"}
            lang={lang === "ar" ? "en" : "ar"}
            className="shrink-0 text-sm font-medium text-accent underline"
          >
            {t.toggle}
          </a>
        </header>

        <div className="mt-6 text-center">
          {checking && (
            <p
              data-testid="callback-state"
              className="mx-auto inline-block rounded-full bg-info-bg px-3 py-1 text-xs font-semibold text-info-fg"
            >
              {t.checking}
            </p>
          )}
          <h1 className={`mt-4 text-2xl font-semibold ${TITLE_TONE[view] ?? "text-foreground"}`}>
            {t.states[view].title}
          </h1>
          <p className="mt-2 text-muted-foreground">{t.states[view].body({ amount, refunded })}</p>
        </div>

        {orderNumber && (
          <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-muted-foreground">{t.orderNumber}</dt>
            <dd className="font-mono" dir="ltr" data-testid="callback-order">
              {orderNumber}
            </dd>
            {amount && (
              <>
                <dt className="text-muted-foreground">{t.amount}</dt>
                <dd data-testid="callback-amount">{amount}</dd>
              </>
            )}
            {refunded && (
              <>
                <dt className="text-muted-foreground">{t.refundedAmount}</dt>
                <dd data-testid="callback-refunded">{refunded}</dd>
              </>
            )}
          </dl>
        )}

        <div className="mt-8 flex flex-col gap-3">
          {view === "failed" &&
            (merchant.storeUrl ? (
              <a href={merchant.storeUrl} className={buttonClasses({ className: "h-10 w-full text-base" })}>
                {t.tryAgain}
              </a>
            ) : (
              <button
                type="button"
                onClick={() => history.back()}
                className={buttonClasses({ className: "h-10 w-full text-base" })}
              >
                {t.tryAgain}
              </button>
            ))}
          {merchant.storeUrl && view !== "failed" && (
            <a
              href={merchant.storeUrl}
              className={buttonClasses({ variant: "secondary", className: "h-10 w-full text-base" })}
              data-testid="back-to-store"
            >
              {t.backTo(merchant.name)}
            </a>
          )}
        </div>
      </div>
    </main>
  );
}
