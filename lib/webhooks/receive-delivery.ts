// The Points webhook receiver's whole decision (contract.md, POST /api/webhooks/points).
// It stores a verified delivery with one INSERT and answers; processing happens
// later, off the request path (process-deliveries.ts). Anything we answer 2xx
// for is durably stored; when it cannot be stored we answer 503 so Points retries.
import type { Db } from "@/lib/db/prisma";
import { BodyTooLarge, readLimitedBody } from "@/lib/http/read-limited-body";
import { dedupeKey, parseEnvelope } from "./envelope";
import { noteReceiverFailure } from "./receiver-failures";
import { redactHeaders } from "./redact-headers";
import { verifyWebhookSecret } from "./verify-secret";

export const MAX_BODY_BYTES = 256 * 1024;

export interface ReceiveResult {
  status: 200 | 400 | 401 | 413 | 415 | 503;
  body: { ok: boolean; duplicate?: boolean; error?: string };
  /** Set when a new delivery was stored and should be processed. */
  deliveryId?: bigint;
}

const fail = (status: ReceiveResult["status"], error: string): ReceiveResult => ({ status, body: { ok: false, error } });

const UNAVAILABLE = fail(503, "the delivery could not be stored right now; retry later");

export async function receiveDelivery(
  db: Db,
  request: Request,
  opts: { secrets: readonly string[]; sourceAddress: string | null },
): Promise<ReceiveResult> {
  const started = performance.now();
  const check = verifyWebhookSecret(request.headers.get("x-webhook-secret"), opts.secrets);
  if (!check.ok) {
    // Counting is best effort: the answer is 401 whether or not it is recorded.
    await db.verificationFailure.create({ data: { reason: check.reason, sourceAddress: opts.sourceAddress } }).catch(() => {});
    return fail(401, check.reason === "missing_secret" ? "X-Webhook-Secret header is missing" : "X-Webhook-Secret is not valid");
  }

  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) return fail(415, "Content-Type must be application/json");

  let rawBody: string;
  try {
    rawBody = await readLimitedBody(request.body, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return fail(413, `body is larger than ${MAX_BODY_BYTES / 1024} KiB`);
    return fail(400, "the body could not be read");
  }

  const headers = JSON.stringify(redactHeaders(request.headers));
  const parsed = parseEnvelope(rawBody);
  try {
    if (!parsed.ok) {
      await db.$executeRaw`
        INSERT INTO webhook_deliveries (status, raw_body, headers, source_address, reject_reason, ack_latency_ms)
        VALUES ('rejected', ${rawBody}, ${headers}::jsonb, ${opts.sourceAddress}, ${parsed.error}, ${performance.now() - started})`;
      return fail(400, `not a Points webhook envelope: ${parsed.error}`);
    }
    const { event, order } = parsed.envelope;
    // One statement decides new vs repeat, so concurrent identical deliveries store exactly one row.
    const rows = await db.$queryRaw<Array<{ id: bigint; inserted: boolean }>>`
      INSERT INTO webhook_deliveries
        (dedupe_key, event, points_order_uuid, order_number, points_updated_at, raw_body, headers, source_address, ack_latency_ms)
      VALUES (${dedupeKey(parsed.envelope)}, ${event}, ${order.id}::uuid, ${order.order_number}, ${order.updated_at}::timestamptz,
              ${rawBody}, ${headers}::jsonb, ${opts.sourceAddress}, ${performance.now() - started})
      ON CONFLICT (dedupe_key) DO UPDATE
        SET duplicate_count = webhook_deliveries.duplicate_count + 1, last_duplicate_at = now()
      RETURNING id, (xmax = 0) AS inserted`;
    const row = rows[0]!;
    return row.inserted ? { status: 200, body: { ok: true, duplicate: false }, deliveryId: row.id } : { status: 200, body: { ok: true, duplicate: true } };
  } catch {
    noteReceiverFailure(db, UNAVAILABLE.status, "store_failed");
    return UNAVAILABLE;
  }
}
