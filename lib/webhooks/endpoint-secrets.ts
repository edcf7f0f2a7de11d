// Secrets of the webhook endpoints created through points-ops, as kept in
// webhook_endpoint_secrets: sealed with a key derived from AUTH_SECRET and
// bound to the endpoint's uuid. Points shows a secret once, at creation.
import { createSecretBox, SecretBoxError, type SecretBox } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/prisma";

export function endpointSecretBox(authSecret: string | undefined): SecretBox {
  return createSecretBox(authSecret, "webhook endpoint secret");
}

export interface StoredSecretsRead {
  secrets: string[];
  /** Endpoints whose stored secret does not open (AUTH_SECRET changed or the row was altered). */
  unreadable: string[];
}

export async function readStoredSecrets(db: Db, box: SecretBox): Promise<StoredSecretsRead> {
  const rows = await db.webhookEndpointSecret.findMany({ select: { endpointUuid: true, secretCiphertext: true } });
  const out: StoredSecretsRead = { secrets: [], unreadable: [] };
  for (const row of rows) {
    try {
      out.secrets.push(box.open(row.secretCiphertext, row.endpointUuid));
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      out.unreadable.push(row.endpointUuid);
    }
  }
  return out;
}
