// Delete an endpoint at Points (§2 W5) and forget its secret, so the receiver
// stops accepting it. When Points no longer knows the endpoint (deleted in
// Points Business), the stored secret is forgotten all the same.
import { recordAudit } from "@/lib/audit/record-audit";
import { PointsApiError } from "@/lib/points/errors";
import type { Actor, EndpointDeps } from "./endpoint-deps";
import type { IntegrationResult } from "./integration-schemas";
import { pointsRefusal } from "./points-refusal";

export async function deleteEndpoint(
  deps: Omit<EndpointDeps, "authSecret">,
  actor: Actor | null,
  uuid: string,
): Promise<IntegrationResult> {
  let goneAlready = false;
  try {
    await deps.client.deleteWebhook(uuid);
  } catch (error) {
    goneAlready = error instanceof PointsApiError && error.kind === "not_found";
    if (!goneAlready) {
      const refusal = pointsRefusal(error);
      if (refusal === undefined) throw error;
      return { ok: false, message: refusal };
    }
  }
  const forgotten = await forgetEndpointSecret(deps, uuid);
  await recordAudit(deps.db, {
    actorId: actor?.id ?? null,
    action: "webhook_endpoint.delete",
    target: uuid,
    detail: { goneAlready, secretForgotten: forgotten },
  });
  const secret = forgotten ? " Its stored secret is no longer accepted." : "";
  return {
    ok: true,
    message: goneAlready ? `Points no longer had this endpoint.${secret}` : `Endpoint deleted at Points.${secret}`,
  };
}

/** For a stored secret whose endpoint Points no longer lists: stop accepting it. */
export async function forgetStoredSecret(
  deps: Pick<EndpointDeps, "db" | "accepted">,
  actor: Actor,
  uuid: string,
): Promise<IntegrationResult> {
  if (!(await forgetEndpointSecret(deps, uuid)))
    return { ok: false, message: "points-ops holds no secret for this endpoint (any more)." };
  await recordAudit(deps.db, { actorId: actor.id, action: "webhook_endpoint.forget_secret", target: uuid });
  return { ok: true, message: "The stored secret is forgotten; deliveries signed with it are now refused." };
}

async function forgetEndpointSecret(deps: Pick<EndpointDeps, "db" | "accepted">, uuid: string): Promise<boolean> {
  const { count } = await deps.db.webhookEndpointSecret.deleteMany({ where: { endpointUuid: uuid } });
  if (count > 0) await deps.accepted?.reload();
  return count > 0;
}
