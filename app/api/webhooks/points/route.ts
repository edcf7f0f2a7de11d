// POST /api/webhooks/points – the Points webhook receiver: verify, store, answer; process after the answer
import { after } from "next/server";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { clientAddress } from "@/lib/http/client-address";
import { processDeliveries } from "@/lib/webhooks/process-deliveries";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const db = getDb();
  const result = await receiveDelivery(db, request, {
    secrets: getConfig().webhookSecrets,
    sourceAddress: clientAddress(request.headers),
  });
  const { deliveryId } = result;
  // If this fails or the instance dies, the sweeper picks the delivery up.
  if (deliveryId) after(() => processDeliveries(db, { trigger: "after", ids: [deliveryId] }).catch(() => {}));
  return Response.json(result.body, { status: result.status });
}
