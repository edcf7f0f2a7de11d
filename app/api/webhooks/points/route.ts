// POST /api/webhooks/points – the Points webhook receiver: verify, store, answer; process after the answer.
// proxy.ts skips this path, so the answer carries its own CSP (and HSTS) here.
import { after } from "next/server";
import { getReceiverPool } from "@/lib/db/receiver-pool";
import { clientAddress } from "@/lib/http/client-address";
import { isHttps, nonPageHeaders } from "@/lib/http/security-headers";
import { getAcceptedSecrets } from "@/lib/webhooks/get-accepted-secrets";
import { receiveDelivery, wantsDrain } from "@/lib/webhooks/receive-delivery";
import { drainAfterAnswer } from "@/lib/webhooks/route-drain";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const result = await receiveDelivery(getReceiverPool(), request, {
    secrets: getAcceptedSecrets(),
    sourceAddress: clientAddress(request.headers),
  });
  // The drain (on its own thread) takes the delivery in its next pass, the invocation kept alive by the
  // after() of the request that started it; if the instance dies, the cron sweep picks the delivery up.
  if (wantsDrain(result)) drainAfterAnswer(after);
  return Response.json(result.body, {
    status: result.status,
    headers: nonPageHeaders(isHttps(request.url, request.headers)),
  });
}
