// The webhook receiver on a bare node:http request, for the self-hosted server
// (scripts/serve.ts). It answers exactly as the route handler does — both call
// receiveDelivery — but skips Next's per-request routing and rendering
// machinery, which on a small machine costs more than the receiver itself
// (see `npm run bench:webhooks`). On Vercel the route handler serves the path.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SqlClient } from "@/lib/db/sql-client";
import { clientAddress } from "@/lib/http/client-address";
import { NON_PAGE_HEADERS } from "@/lib/http/security-headers";
import type { AcceptedSecrets } from "./accepted-secrets";
import { receiveDelivery } from "./receive-delivery";
import type { HeaderSource } from "./redact-headers";

export const WEBHOOK_PATH = "/api/webhooks/points";

export function isWebhookRequest(req: IncomingMessage): boolean {
  return req.method === "POST" && (req.url === WEBHOOK_PATH || req.url?.startsWith(`${WEBHOOK_PATH}?`) === true);
}

export async function handleNodeWebhook(
  req: IncomingMessage,
  res: ServerResponse,
  deps: {
    sql: SqlClient;
    secrets: readonly string[] | AcceptedSecrets;
    onStored: (deliveryId: bigint) => void;
    onDuplicate?: () => void;
  },
): Promise<void> {
  const headers = nodeHeaders(req);
  const result = await receiveDelivery(
    deps.sql,
    { headers, body: req },
    { secrets: deps.secrets, sourceAddress: clientAddress(headers) },
  );
  const payload = JSON.stringify(result.body);
  // An unread remainder (413) would otherwise be parsed as the next request on a kept-alive socket.
  res.writeHead(result.status, {
    ...NON_PAGE_HEADERS,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    ...(req.complete ? {} : { connection: "close" }),
  });
  res.end(payload);
  if (result.deliveryId) deps.onStored(result.deliveryId);
  // A repeat's update briefly locks the stored row; a drain claiming at that moment skipped it (SKIP LOCKED).
  else if (result.body.duplicate) deps.onDuplicate?.();
}

function nodeHeaders(req: IncomingMessage): HeaderSource {
  const value = (v: string | string[] | undefined) => (v === undefined ? null : Array.isArray(v) ? v.join(", ") : v);
  return {
    get: (name) => value(req.headers[name.toLowerCase()]),
    forEach: (fn) => {
      for (const [name, v] of Object.entries(req.headers)) if (v !== undefined) fn(value(v)!, name);
    },
  };
}
