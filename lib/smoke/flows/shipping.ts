// Shipping status update of the earning order (§2 E11) → `shipping_status_updated` → our order store.
import { SmokeSkip, seconds, type FlowContext } from "../smoke-flow";
import { waitForOrder } from "../wait-for-order";

const STATUS = "delivered";

export async function shippingFlow(ctx: FlowContext): Promise<string> {
  const order = ctx.shared.earning;
  if (!order) throw new SmokeSkip("Needs the earning order, which was not created.");
  await ctx.client.updateShippingStatus(order.uuid, { status: STATUS });
  const waited = await waitForOrder(ctx, order, "shipping_status_updated", {
    describe: `shipping ${STATUS}`,
    holds: (o) => o.shippingStatus === STATUS,
  });
  return `Set the shipping status of ${order.orderNumber} to ${STATUS}; our order store showed it after ${seconds(waited)}.`;
}
