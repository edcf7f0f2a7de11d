// Checkout session (§2 E4), authenticated by the public key. Points answers
// with the hosted page only, no order uuid; without a shopper the order stays
// unpaid at Points, and it cannot be cancelled from here (no uuid).
import { smokeDetail, type SmokeDetail } from "../smoke-detail";
import { notConfirmed, type FlowContext } from "../smoke-flow";
import { SMOKE_PRODUCT } from "./create-smoke-earning";

export async function checkoutSessionFlow(ctx: FlowContext): Promise<SmokeDetail> {
  const orderNumber = ctx.orderNumber("C");
  const total = 50;
  const result = await ctx.client.beginCheckout({
    total_price: total,
    order_number: orderNumber,
    products: [{ product_name: SMOKE_PRODUCT, product_price: total, quantity: 1 }],
    metadata: { points_ops_smoke_run: ctx.runId },
    callback_url: `${ctx.appUrl}/checkout/callback?order=${encodeURIComponent(orderNumber)}`,
  });
  if (result.outcome === "unknown") throw notConfirmed("checkout", orderNumber, result);
  const page = new URL(result.data.checkout_url);
  return smokeDetail("checkoutPassed", { orderNumber, amount: total, host: page.host });
}
