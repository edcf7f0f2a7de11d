// Waits until a webhook has been processed into our order store, and when it
// has not, says where it got stuck: never arrived, arrived but not processed,
// or processed into a different state.
import type { Order } from "@/lib/generated/prisma/client";
import { SmokeFailure, seconds, type FlowContext } from "./smoke-flow";

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_POLL_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the time waited in ms. */
export async function waitForOrder(
  ctx: Pick<FlowContext, "db" | "receiverUrl" | "waitTimeoutMs" | "pollMs">,
  target: { uuid: string; orderNumber: string },
  event: string,
  expectation: { describe: string; holds: (order: Order) => boolean },
): Promise<number> {
  const timeout = ctx.waitTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  for (;;) {
    const order = await ctx.db.order.findUnique({ where: { pointsUuid: target.uuid } });
    if (order && expectation.holds(order)) return Date.now() - started;
    if (Date.now() - started >= timeout)
      throw new SmokeFailure(await diagnose(ctx, target, event, expectation.describe, order, timeout));
    await sleep(ctx.pollMs ?? DEFAULT_POLL_MS);
  }
}

async function diagnose(
  ctx: Pick<FlowContext, "db" | "receiverUrl">,
  target: { uuid: string; orderNumber: string },
  event: string,
  expected: string,
  order: Order | null,
  timeout: number,
): Promise<string> {
  const delivery = await ctx.db.webhookDelivery.findFirst({
    where: { pointsOrderUuid: target.uuid, event },
    orderBy: { id: "desc" },
    select: { status: true, lastError: true },
  });
  const what = `the "${event}" webhook of ${target.orderNumber}`;
  if (!delivery)
    return `Points accepted the call, but ${what} did not reach the receiver within ${seconds(timeout)}: check that Points delivers to ${ctx.receiverUrl} (Settings → Integration) and that the app answers there.`;
  if (delivery.status === "failed" || delivery.status === "dead")
    return `${capitalise(what)} arrived but could not be processed (${delivery.status}: ${delivery.lastError ?? "no error recorded"}); see the Webhooks page.`;
  if (delivery.status !== "processed")
    return `${capitalise(what)} arrived but was still ${delivery.status} after ${seconds(timeout)}: the webhook queue is not keeping up or not running.`;
  return `${capitalise(what)} was processed, but our order shows ${order ? `${order.orderStatus}${order.shippingStatus ? ` / shipping ${order.shippingStatus}` : ""}` : "nothing"} instead of ${expected}.`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
