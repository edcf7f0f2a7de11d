// An earning order at Points for a smoke flow (§2 E1): small, named SMOKE-…,
// tagged with the run in its metadata.
import { SmokeFailure, type FlowContext, type SmokeOrder } from "../smoke-flow";

export const SMOKE_PRODUCT = "points-ops smoke test";

export async function createSmokeEarning(ctx: FlowContext, suffix: string, total: number): Promise<SmokeOrder> {
  if (!ctx.phoneNumber)
    throw new SmokeFailure(
      "No test customer: set SMOKE_PHONE_NUMBER to the mobile number of an active Points customer of your team (production has no reserved test numbers).",
    );
  const orderNumber = ctx.orderNumber(suffix);
  const result = await ctx.client.createEarningOrder({
    phone_number: ctx.phoneNumber,
    total_price: total,
    order_number: orderNumber,
    products: [{ product_name: SMOKE_PRODUCT, product_price: total, quantity: 1 }],
    metadata: { points_ops_smoke_run: ctx.runId },
  });
  if (result.outcome === "unknown")
    throw new SmokeFailure(`Points did not confirm the earning order ${orderNumber}: ${result.message}`);
  if ("pending_client_activation" in result.data)
    throw new SmokeFailure(
      `Points queued the earning of ${orderNumber} (pending_client_activation): the test customer has not activated their Points account; use an active customer.`,
    );
  return { uuid: result.data.uuid, orderNumber, total };
}
