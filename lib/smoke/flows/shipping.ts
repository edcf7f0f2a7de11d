// Shipping status update of the earning order (§2 E11) → `shipping_status_updated` → our order store.
import { smokeDetail, secondsOf, type SmokeDetail } from "../smoke-detail";
import { SmokeSkip, type FlowContext } from "../smoke-flow";
import { waitForOrder } from "../wait-for-order";

const STATUS = "delivered";

export async function shippingFlow(ctx: FlowContext): Promise<SmokeDetail> {
  const order = ctx.shared.earning;
  if (!order) throw new SmokeSkip(smokeDetail("needsEarning"));
  await ctx.client.updateShippingStatus(order.uuid, { status: STATUS });
  const waited = await waitForOrder(ctx, order, "shipping_status_updated", { shippingStatus: STATUS });
  return smokeDetail("shippingPassed", {
    orderNumber: order.orderNumber,
    expectedShipping: STATUS,
    seconds: secondsOf(waited),
  });
}
