// The app's accepted webhook secrets, one list per process (survives Next's hot reloads).
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { endpointSecretBox, readStoredSecrets } from "./endpoint-secrets";
import { getLogger } from "@/lib/log/logger";
import { createAcceptedSecrets, type AcceptedSecrets } from "./accepted-secrets";

const holder = globalThis as unknown as { pointsOpsAcceptedSecrets?: AcceptedSecrets };

export function getAcceptedSecrets(): AcceptedSecrets {
  holder.pointsOpsAcceptedSecrets ??= createAcceptedSecrets({
    configured: getConfig().webhookSecrets,
    async loadStored() {
      const { secrets, unreadable } = await readStoredSecrets(getDb(), endpointSecretBox(getConfig().authSecret));
      if (unreadable.length)
        getLogger().warn(
          { endpoints: unreadable },
          "stored webhook endpoint secrets do not open (AUTH_SECRET changed?); their deliveries are refused",
        );
      return secrets;
    },
    onLoadError: (err) =>
      getLogger().error(
        { err },
        "could not read the stored webhook endpoint secrets; accepting POINTS_WEBHOOK_SECRETS only",
      ),
  });
  return holder.pointsOpsAcceptedSecrets;
}
