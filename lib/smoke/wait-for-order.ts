// Waits until a webhook has been processed into our order store, and when it
// has not, says where it got stuck: never arrived, arrived but not processed,
// or processed into a different state.
import type { Order } from "@/lib/generated/prisma/client";
import { smokeDetail, secondsOf, type SmokeDetail } from "./smoke-detail";
import { SmokeFailure, type FlowContext } from "./smoke-flow";

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_POLL_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The state the webhook should leave the order in. */
export type Expectation = { orderStatus: string } | { shippingStatus: string };

const holds = (order: Order, expected: Expectation) =>
  "orderStatus" in expected
    ? order.orderStatus === expected.orderStatus
    : order.shippingStatus === expected.shippingStatus;

/** Resolves with the time waited in ms. */
export async function waitForOrder(
  ctx: Pick<FlowContext, "db" | "receiverUrl" | "waitTimeoutMs" | "pollMs">,
  target: { uuid: string; orderNumber: string },
  event: string,
  expected: Expectation,
): Promise<number> {
  const timeout = ctx.waitTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  for (;;) {
    const order = await ctx.db.order.findUnique({ where: { pointsUuid: target.uuid } });
    if (order && holds(order, expected)) return Date.now() - started;
    if (Date.now() - started >= timeout)
      throw new SmokeFailure(await diagnose(ctx, target, event, expected, order, timeout));
    await sleep(ctx.pollMs ?? DEFAULT_POLL_MS);
  }
}

async function diagnose(
  ctx: Pick<FlowContext, "db" | "receiverUrl">,
  target: { uuid: string; orderNumber: string },
  event: string,
  expected: Expectation,
  order: Order | null,
  timeout: number,
): Promise<SmokeDetail> {
  const delivery = await ctx.db.webhookDelivery.findFirst({
    where: { pointsOrderUuid: target.uuid, event },
    orderBy: { id: "desc" },
    select: { status: true, lastError: true },
  });
  const what = { event, orderNumber: target.orderNumber };
  if (!delivery) return smokeDetail("notReceived", { ...what, seconds: secondsOf(timeout), url: ctx.receiverUrl });
  if (delivery.status === "failed" || delivery.status === "dead")
    return smokeDetail("notProcessed", { ...what, deliveryStatus: delivery.status }, delivery.lastError ?? undefined);
  if (delivery.status !== "processed")
    return smokeDetail("stillQueued", { ...what, deliveryStatus: delivery.status, seconds: secondsOf(timeout) });
  if (!order) return smokeDetail("orderMissing", what);
  if ("orderStatus" in expected)
    return smokeDetail("wrongOrderStatus", {
      ...what,
      orderStatus: order.orderStatus,
      expectedStatus: expected.orderStatus,
    });
  const shipping = { ...what, expectedShipping: expected.shippingStatus };
  return order.shippingStatus
    ? smokeDetail("wrongShipping", { ...shipping, shippingStatus: order.shippingStatus })
    : smokeDetail("noShippingStatus", shipping);
}
