// Partial refund of the earning order (§2 E10) → `refunded` webhook → our order store.
import { SmokeFailure, SmokeSkip, seconds, type FlowContext } from "../smoke-flow";
import { waitForOrder } from "../wait-for-order";

const REFUND_SAR = 10;

export async function refundFlow(ctx: FlowContext): Promise<string> {
  const order = ctx.shared.earning;
  if (!order) throw new SmokeSkip("Needs the earning order, which was not created.");
  const result = await ctx.client.refund(order.uuid, { amount: REFUND_SAR, reason: "points-ops smoke test" });
  if (result.outcome === "unknown")
    throw new SmokeFailure(`Points did not confirm the refund of ${order.orderNumber}: ${result.message}`);
  const waited = await waitForOrder(ctx, order, "refunded", {
    // Points documents no refunded amount in its webhooks (points-api.md §4.3): the status is what shows.
    describe: "partially_refunded",
    holds: (o) => o.orderStatus === "partially_refunded",
  });
  return `Refunded ${REFUND_SAR} of ${order.total} SAR of ${order.orderNumber}; our order store showed it partially refunded after ${seconds(waited)}.`;
}
