// Cancel (§2 E9) of a second order — the one the webhook flow made, or a new
// one when that flow could not — → `cancelled` webhook → our order store.
import { smokeDetail, secondsOf, type SmokeDetail } from "../smoke-detail";
import { notConfirmed, type FlowContext } from "../smoke-flow";
import { waitForOrder } from "../wait-for-order";
import { createSmokeEarning } from "./create-smoke-earning";

export async function cancelFlow(ctx: FlowContext): Promise<SmokeDetail> {
  const order = ctx.shared.second ?? (await createSmokeEarning(ctx, "X", 20));
  const result = await ctx.client.cancel(order.uuid, { reason: "points-ops smoke test" });
  if (result.outcome === "unknown") throw notConfirmed("cancel", order.orderNumber, result);
  const waited = await waitForOrder(ctx, order, "cancelled", { orderStatus: "cancelled" });
  return smokeDetail("cancelPassed", { orderNumber: order.orderNumber, seconds: secondsOf(waited) });
}
