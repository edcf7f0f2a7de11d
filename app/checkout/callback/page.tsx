// /checkout/callback – public page Points sends the shopper back to after checkout
import type { Metadata } from "next";
import { loadCallbackStatus } from "./actions";
import { CallbackView } from "./callback-view";
import { getLogger } from "@/lib/log/logger";

export const metadata: Metadata = { title: "Order status", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function CheckoutCallbackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const extra = Object.keys(params).filter((name) => name !== "order" && name !== "lang");
  // Points appends undocumented parameters (points-api.md §5): note their names, trust none of them.
  if (extra.length) getLogger().info({ names: extra }, "checkout callback parameters");

  const order = typeof params.order === "string" ? params.order : "";
  const result = order ? await loadCallbackStatus(order) : null;
  return (
    <CallbackView
      orderNumber={result?.ok ? result.status.orderNumber : null}
      initial={result?.ok ? result.status : null}
      initialLang={params.lang === "en" ? "en" : "ar"}
    />
  );
}
