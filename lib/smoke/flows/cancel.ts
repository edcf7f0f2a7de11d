// Cancel (§2 E9) of a second order — the one the webhook flow made, or a new
// one when that flow could not — → `cancelled` webhook → our order store.
import { SmokeFailure, seconds, type FlowContext } from "../smoke-flow";
import { waitForOrder } from "../wait-for-order";
import { createSmokeEarning } from "./create-smoke-earning";

export async function cancelFlow(ctx: FlowContext): Promise<string> {
  const order = ctx.shared.second ?? (await createSmokeEarning(ctx, "X", 20));
  const result = await ctx.client.cancel(order.uuid, { reason: "points-ops smoke test" });
  if (result.outcome === "unknown")
    throw new SmokeFailure(`Points did not confirm the cancellation of ${order.orderNumber}: ${result.message}`);
  const waited = await waitForOrder(ctx, order, "cancelled", {
    describe: "cancelled",
    holds: (o) => o.orderStatus === "cancelled",
  });
  return `Cancelled ${order.orderNumber}; our order store showed it cancelled after ${seconds(waited)}.`;
}
