// Partial refund of the earning order (§2 E10) → `refunded` webhook → our order store.
import { smokeDetail, secondsOf, type SmokeDetail } from "../smoke-detail";
import { notConfirmed, SmokeSkip, type FlowContext } from "../smoke-flow";
import { waitForOrder } from "../wait-for-order";

const REFUND_SAR = 10;

export async function refundFlow(ctx: FlowContext): Promise<SmokeDetail> {
  const order = ctx.shared.earning;
  if (!order) throw new SmokeSkip(smokeDetail("needsEarning"));
  const result = await ctx.client.refund(order.uuid, { amount: REFUND_SAR, reason: "points-ops smoke test" });
  if (result.outcome === "unknown") throw notConfirmed("refund", order.orderNumber, result);
  // Points documents no refunded amount in its webhooks (points-api.md §4.3): the status is what shows.
  const waited = await waitForOrder(ctx, order, "refunded", { orderStatus: "partially_refunded" });
  return smokeDetail("refundPassed", {
    amount: REFUND_SAR,
    total: order.total,
    orderNumber: order.orderNumber,
    seconds: secondsOf(waited),
  });
}
