// POST /api/webhooks/points – the Points webhook receiver: verify, store, answer; process after the answer.
// proxy.ts skips this path, so the answer carries its own CSP (and HSTS) here.
import { after } from "next/server";
import { getQueueDb } from "@/lib/db/prisma";
import { getReceiverPool } from "@/lib/db/receiver-pool";
import { clientAddress } from "@/lib/http/client-address";
import { isHttps, nonPageHeaders } from "@/lib/http/security-headers";
import { drainSoon } from "@/lib/webhooks/drain-queue";
import { getAcceptedSecrets } from "@/lib/webhooks/get-accepted-secrets";
import { receiveDelivery, wantsDrain } from "@/lib/webhooks/receive-delivery";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const result = await receiveDelivery(getReceiverPool(), request, {
    secrets: getAcceptedSecrets(),
    sourceAddress: clientAddress(request.headers),
  });
  // A drain already running here takes the delivery in its next pass, kept alive by the after() of the
  // request that started it; if the instance dies, the cron sweep picks the delivery up.
  if (wantsDrain(result)) drainSoon(getQueueDb, after);
  return Response.json(result.body, {
    status: result.status,
    headers: nonPageHeaders(isHttps(request.url, request.headers)),
  });
}
