// Webhook registered and received: a temporary endpoint at Points pointing at
// this app's receiver (its secret stored like any endpoint created here), an
// event caused, and its delivery verified and stored. The endpoint and its
// secret are deleted again whatever happened. The order made for the event is
// the one the cancel flow cancels.
import { createEndpoint } from "@/lib/integration/create-endpoint";
import { deleteEndpoint } from "@/lib/integration/delete-endpoint";
import { followedBy, smokeDetail, secondsOf, type SmokeDetail } from "../smoke-detail";
import { SmokeFailure, type FlowContext } from "../smoke-flow";
import { createSmokeEarning } from "./create-smoke-earning";
import { waitForOrder } from "../wait-for-order";

// Other endpoints may deliver the same event to us; give the temporary
// endpoint's copy this long to arrive (or be refused) after the first one.
const SECOND_COPY_GRACE_MS = 2_000;

export async function webhookFlow(ctx: FlowContext): Promise<SmokeDetail> {
  const registeredAt = new Date();
  const url = new URL(ctx.receiverUrl);
  // Points refuses a URL registered twice; the query keeps ours distinct and the receiver ignores it.
  url.searchParams.set("smoke", ctx.runId);
  const deps = { db: ctx.db, client: ctx.client, authSecret: ctx.authSecret, accepted: ctx.accepted };
  const created = await createEndpoint(deps, ctx.actor, {
    name: `points-ops smoke ${ctx.runId.slice(0, 8)}`,
    url: url.toString(),
  });
  if (!created.ok) throw new SmokeFailure(smokeDetail("endpointNotRegistered", {}, created.message));

  let verdict: SmokeDetail | undefined;
  let failure: unknown;
  try {
    const order = await createSmokeEarning(ctx, "W", 20);
    ctx.shared.second = order;
    const waited = await waitForOrder(ctx, order, "approved", { orderStatus: "approved" });
    await waitForSecondCopy(ctx, order.uuid);
    const refused = await ctx.db.verificationFailure.count({
      where: { reason: "wrong_secret", receivedAt: { gte: registeredAt } },
    });
    if (refused > 0) throw new SmokeFailure(smokeDetail("wrongSecret", { refused }));
    verdict = smokeDetail("webhookVerified", {
      event: "approved",
      orderNumber: order.orderNumber,
      seconds: secondsOf(waited),
    });
  } catch (error) {
    failure = error;
  }
  const removed = await deleteEndpoint(deps, ctx.actor, created.endpoint.uuid);
  const cleanup = removed.ok
    ? smokeDetail("endpointDeleted")
    : smokeDetail("endpointNotDeleted", { name: created.endpoint.name }, removed.message);
  if (failure instanceof SmokeFailure) throw new SmokeFailure(followedBy(failure.detail, cleanup));
  if (failure) throw failure;
  if (!removed.ok) throw new SmokeFailure(followedBy(verdict!, cleanup));
  return followedBy(verdict!, cleanup);
}

async function waitForSecondCopy(ctx: FlowContext, uuid: string): Promise<void> {
  const deadline = Date.now() + SECOND_COPY_GRACE_MS;
  while (Date.now() < deadline) {
    const copies = await ctx.db.webhookDelivery.findFirst({
      where: { pointsOrderUuid: uuid, event: "approved" },
      select: { duplicateCount: true },
    });
    if ((copies?.duplicateCount ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, ctx.pollMs ?? 200));
  }
}
