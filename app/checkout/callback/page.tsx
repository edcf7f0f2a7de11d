// /checkout/callback – public page Points sends the shopper back to after checkout
import type { Metadata } from "next";
import { CALLBACK_TOKEN_PARAM } from "@/lib/checkout/callback-token";
import { getConfig } from "@/lib/config/env";
import { getLogger } from "@/lib/log/logger";
import { loadCallbackStatus } from "./actions";
import { CallbackView } from "./callback-view";
import { MESSAGES, parseLang } from "./messages";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const KNOWN_PARAMS = new Set(["order", "lang", CALLBACK_TOKEN_PARAM]);

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { pageTitle } = MESSAGES[parseLang((await searchParams).lang)];
  const store = getConfig().merchant.name;
  // The shopper's tab names their store, not this dashboard.
  return { title: { absolute: store ? `${pageTitle} · ${store}` : pageTitle }, robots: { index: false } };
}

export default async function CheckoutCallbackPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const extra = Object.keys(params).filter((name) => !KNOWN_PARAMS.has(name));
  // Points appends undocumented parameters (points-api.md §5): note their names, trust none of them.
  if (extra.length) getLogger().info({ names: extra }, "checkout callback parameters");

  const order = typeof params.order === "string" ? params.order : "";
  const token = typeof params[CALLBACK_TOKEN_PARAM] === "string" ? params[CALLBACK_TOKEN_PARAM] : undefined;
  const result = order ? await loadCallbackStatus({ orderNumber: order, token }) : null;
  const lang = parseLang(params.lang);
  const other = new URLSearchParams({
    order,
    lang: lang === "ar" ? "en" : "ar",
    ...(token ? { [CALLBACK_TOKEN_PARAM]: token } : {}),
  });
  return (
    <CallbackView
      orderNumber={result?.ok && result.status ? result.status.orderNumber : null}
      token={token}
      initial={result?.ok ? result.status : null}
      blocked={result?.ok === true && result.rateLimited}
      lang={lang}
      otherLangHref={`?${other}`}
      merchant={getConfig().merchant}
    />
  );
}
