// Earning order (§2 E1) → `approved` webhook → our order store.
import { seconds, type FlowContext } from "../smoke-flow";
import { waitForOrder } from "../wait-for-order";
import { createSmokeEarning } from "./create-smoke-earning";

export async function earningOrderFlow(ctx: FlowContext): Promise<string> {
  const order = await createSmokeEarning(ctx, "E", 100);
  ctx.shared.earning = order;
  const waited = await waitForOrder(ctx, order, "approved", {
    describe: "approved",
    holds: (o) => o.orderStatus === "approved",
  });
  return `Points approved earning order ${order.orderNumber} (${order.total} SAR); its webhook reached our order store after ${seconds(waited)}.`;
}
