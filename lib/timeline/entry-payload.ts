// The raw payload behind one timeline row, read only when the row is opened:
// a webhook's body as Points sent it, or a Points call's request and answer
// (stored redacted). Kept out of the order page itself, where 500 bodies would
// weigh megabytes.
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { prettyBody } from "@/lib/webhooks/get-delivery";

// bigint ids: up to 18 digits stays inside PostgreSQL's bigint.
export const payloadQuery = z.object({
  kind: z.enum(["webhook", "api_call"], "kind must be webhook or api_call"),
  id: z.string().regex(/^[1-9]\d{0,17}$/, "id must be a timeline entry's number"),
});
export type PayloadQuery = z.infer<typeof payloadQuery>;

export interface EntryPayload {
  /** pretty-printed when it is JSON, else as stored */
  text: string;
  json: boolean;
}

/** GET /api/timeline/payload's answer. */
export type PayloadResponse = { ok: true; payload: EntryPayload };

export async function entryPayload(db: Db, query: PayloadQuery): Promise<EntryPayload | null> {
  const id = BigInt(query.id);
  if (query.kind === "webhook") {
    const delivery = await db.webhookDelivery.findUnique({ where: { id }, select: { rawBody: true } });
    return delivery && prettyBody(delivery.rawBody);
  }
  const call = await db.pointsApiCall.findUnique({
    where: { id },
    select: { requestBody: true, responseBody: true },
  });
  return (
    call && { json: true, text: JSON.stringify({ request: call.requestBody, answer: call.responseBody }, null, 2) }
  );
}
