// POST /api/webhooks/points – the Points webhook receiver: verify, store, answer; process after the answer
import { after } from "next/server";
import { getQueueDb } from "@/lib/db/prisma";
import { getReceiverPool } from "@/lib/db/receiver-pool";
import { clientAddress } from "@/lib/http/client-address";
import { requestDrain } from "@/lib/webhooks/drain-queue";
import { getAcceptedSecrets } from "@/lib/webhooks/get-accepted-secrets";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const result = await receiveDelivery(getReceiverPool(), request, {
    secrets: getAcceptedSecrets(),
    sourceAddress: clientAddress(request.headers),
  });
  // If this fails or the instance dies, the sweeper picks the delivery up. A
  // duplicate drains too: its update briefly locks the row, and a drain that
  // claimed at that moment skipped it (SKIP LOCKED).
  if (result.deliveryId || result.body.duplicate) after(() => requestDrain(getQueueDb()).catch(() => {}));
  return Response.json(result.body, { status: result.status });
}
