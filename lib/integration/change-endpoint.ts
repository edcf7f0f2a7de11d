// Rename an endpoint or point it at another URL (§2 W4). Our stored copy of its
// name and URL follows, so the list stays right even while Points is unreachable.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor, EndpointDeps } from "./endpoint-deps";
import type { IntegrationResult } from "./integration-schemas";
import { pointsRefusal } from "./points-refusal";

export async function changeEndpoint(
  deps: Pick<EndpointDeps, "db" | "client">,
  actor: Actor,
  input: { uuid: string; name?: string; url?: string },
): Promise<IntegrationResult> {
  const { uuid, ...change } = input;
  let updated;
  try {
    updated = await deps.client.updateWebhook(uuid, change);
  } catch (error) {
    const refusal = pointsRefusal(error);
    if (refusal === undefined) throw error;
    return { ok: false, message: refusal };
  }
  await deps.db.webhookEndpointSecret.updateMany({
    where: { endpointUuid: uuid },
    data: { name: updated.name, url: updated.url },
  });
  await recordAudit(deps.db, {
    actorId: actor.id,
    action: change.url === undefined ? "webhook_endpoint.rename" : "webhook_endpoint.change_url",
    target: uuid,
    detail: { ...change },
  });
  return {
    ok: true,
    message:
      change.url === undefined
        ? `Endpoint renamed to "${updated.name}".`
        : `Endpoint "${updated.name}" now receives deliveries at ${updated.url}.`,
  };
}
