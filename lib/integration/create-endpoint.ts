// Registers a webhook endpoint at Points and keeps the secret Points returns
// (shown this once, §2 W2) sealed in webhook_endpoint_secrets, so the receiver
// accepts its deliveries. An endpoint whose secret we could not keep would only
// produce refused deliveries, so it is deleted again at Points.
import type { AuditAction } from "@/lib/audit/audit-actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { SecretBoxError, type SecretBox } from "@/lib/crypto/secret-box";
import type { WebhookEndpoint } from "@/lib/points/schemas";
import type { Actor, EndpointDeps } from "./endpoint-deps";
import { endpointSecretBox } from "@/lib/webhooks/endpoint-secrets";
import type { CreateEndpointInput, IntegrationResult } from "./integration-schemas";
import { pointsRefusal } from "./points-refusal";

export type CreateEndpointResult =
  (IntegrationResult & { ok: false }) | { ok: true; message: string; endpoint: WebhookEndpoint };

/** "…a1b2": enough to match it with Points Business, never the secret. */
const secretHint = (secret: string) => `…${secret.slice(-4)}`;

export async function createEndpoint(
  deps: EndpointDeps,
  actor: Actor | null,
  input: CreateEndpointInput,
): Promise<CreateEndpointResult> {
  let box: SecretBox;
  try {
    box = endpointSecretBox(deps.authSecret);
  } catch (error) {
    if (error instanceof SecretBoxError)
      return { ok: false, message: `${error.message}; set AUTH_SECRET before creating endpoints here.` };
    throw error;
  }

  let created;
  try {
    created = await deps.client.createWebhook(input);
  } catch (error) {
    const refusal = pointsRefusal(error);
    if (refusal === undefined) throw error;
    return { ok: false, message: refusal };
  }
  const audit = (action: AuditAction, detail: Record<string, unknown>) =>
    recordAudit(deps.db, {
      actorId: actor?.id ?? null,
      action,
      target: input.url,
      detail: { name: input.name, url: input.url, ...detail },
    });

  if (created.outcome === "unknown") {
    await audit("webhook_endpoint.create_unknown", { error: created.message });
    return {
      ok: false,
      message: `${created.message}. Points may have created the endpoint without telling us its secret: reload this page and delete it if it is listed without a stored secret.`,
    };
  }
  const endpoint = created.data;
  const undo = async (why: string) => {
    const removed = await deps.client.deleteWebhook(endpoint.uuid).then(
      () => true,
      () => false,
    );
    await audit("webhook_endpoint.create_failed", { endpointUuid: endpoint.uuid, why, removedAtPoints: removed });
    return {
      ok: false as const,
      message: `${why}. ${removed ? "The endpoint was deleted again at Points." : `Delete the endpoint "${endpoint.name}" (${endpoint.uuid}) in Points Business; it could not be deleted from here.`}`,
    };
  };
  if (!endpoint.secret)
    return undo("Points created the endpoint but did not return its secret, so its deliveries could not be verified");
  try {
    await deps.db.webhookEndpointSecret.create({
      data: {
        endpointUuid: endpoint.uuid,
        name: endpoint.name,
        url: endpoint.url,
        secretCiphertext: box.seal(endpoint.secret, endpoint.uuid),
        createdById: actor?.id,
      },
    });
  } catch {
    return undo("The endpoint's secret could not be stored");
  }
  await deps.accepted?.reload();
  await audit("webhook_endpoint.create", { endpointUuid: endpoint.uuid, secret: secretHint(endpoint.secret) });
  return {
    ok: true,
    message: `Endpoint "${endpoint.name}" is registered at Points; its secret (${secretHint(endpoint.secret)}) is stored and accepted by the receiver.`,
    endpoint,
  };
}
