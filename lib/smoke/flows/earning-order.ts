// Earning order (§2 E1) → `approved` webhook → our order store.
import { smokeDetail, secondsOf, type SmokeDetail } from "../smoke-detail";
import type { FlowContext } from "../smoke-flow";
import { waitForOrder } from "../wait-for-order";
import { createSmokeEarning } from "./create-smoke-earning";

export async function earningOrderFlow(ctx: FlowContext): Promise<SmokeDetail> {
  const order = await createSmokeEarning(ctx, "E", 100);
  ctx.shared.earning = order;
  const waited = await waitForOrder(ctx, order, "approved", { orderStatus: "approved" });
  return smokeDetail("earningPassed", {
    orderNumber: order.orderNumber,
    amount: order.total,
    seconds: secondsOf(waited),
  });
}
