// An earning order at Points for a smoke flow (§2 E1): small, named SMOKE-…,
// tagged with the run in its metadata.
import { smokeDetail } from "../smoke-detail";
import { notConfirmed, SmokeFailure, type FlowContext, type SmokeOrder } from "../smoke-flow";

export const SMOKE_PRODUCT = "points-ops smoke test";

export async function createSmokeEarning(ctx: FlowContext, suffix: string, total: number): Promise<SmokeOrder> {
  if (!ctx.phoneNumber) throw new SmokeFailure(smokeDetail("noTestCustomer"));
  const orderNumber = ctx.orderNumber(suffix);
  const result = await ctx.client.createEarningOrder({
    phone_number: ctx.phoneNumber,
    total_price: total,
    order_number: orderNumber,
    products: [{ product_name: SMOKE_PRODUCT, product_price: total, quantity: 1 }],
    metadata: { points_ops_smoke_run: ctx.runId },
  });
  if (result.outcome === "unknown") throw notConfirmed("earning", orderNumber, result);
  if ("pending_client_activation" in result.data)
    throw new SmokeFailure(smokeDetail("pendingActivation", { orderNumber }));
  return { uuid: result.data.uuid, orderNumber, total };
}
