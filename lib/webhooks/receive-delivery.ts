// The Points webhook receiver's whole decision (contract.md, POST /api/webhooks/points).
// It stores a verified delivery with one INSERT and answers; processing happens
// later, off the request path (process-deliveries.ts). Anything we answer 2xx
// for is durably stored; when it cannot be stored we answer 503 so Points retries.
import type { SqlClient } from "@/lib/db/receiver-pool";
import { BodyTooLarge, readLimitedBody, type BodySource } from "@/lib/http/read-limited-body";
import { checkWebhookSecret, type AcceptedSecrets } from "./accepted-secrets";
import { dedupeKey, parseEnvelope } from "./envelope";
import { noteReceiverFailure, storeFailureReason } from "./receiver-failures";
import { redactHeaders, type HeaderSource } from "./redact-headers";

export const MAX_BODY_BYTES = 256 * 1024;

/** What the receiver needs of a request: a web Request fits, and so does the node:http adapter (node-receiver.ts). */
export interface IncomingWebhook {
  headers: HeaderSource;
  body: BodySource | null;
}

export interface ReceiveResult {
  status: 200 | 400 | 401 | 413 | 415 | 503;
  body: { ok: boolean; duplicate?: boolean; error?: string };
  /** Set when a new delivery was stored and should be processed. */
  deliveryId?: bigint;
}

const fail = (status: ReceiveResult["status"], error: string): ReceiveResult => ({
  status,
  body: { ok: false, error },
});

const UNAVAILABLE = fail(503, "the delivery could not be stored right now; retry later");

export async function receiveDelivery(
  sql: SqlClient,
  request: IncomingWebhook,
  opts: { secrets: readonly string[] | AcceptedSecrets; sourceAddress: string | null },
): Promise<ReceiveResult> {
  const started = performance.now();
  const check = await checkWebhookSecret(request.headers.get("x-webhook-secret"), opts.secrets);
  if (!check.ok) {
    // Counting is best effort: the answer is 401 whether or not it is recorded.
    await sql
      .query("INSERT INTO verification_failures (reason, source_address) VALUES ($1, $2)", [
        check.reason,
        opts.sourceAddress,
      ])
      .catch(() => {});
    return fail(
      401,
      check.reason === "missing_secret" ? "X-Webhook-Secret header is missing" : "X-Webhook-Secret is not valid",
    );
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
      await sql.query(
        `INSERT INTO webhook_deliveries (status, raw_body, headers, source_address, reject_reason, ack_latency_ms)
         VALUES ('rejected', $1, $2::jsonb, $3, $4, $5)`,
        [rawBody, headers, opts.sourceAddress, parsed.error, performance.now() - started],
      );
      return fail(400, `not a Points webhook envelope: ${parsed.error}`);
    }
    const { event, order } = parsed.envelope;
    // One statement decides new vs repeat, so concurrent identical deliveries store exactly one row.
    const { rows } = await sql.query<{ id: string; inserted: boolean }>(
      `INSERT INTO webhook_deliveries
         (dedupe_key, event, points_order_uuid, order_number, points_updated_at, raw_body, headers, source_address, ack_latency_ms)
       VALUES ($1, $2, $3::uuid, $4, $5::timestamptz, $6, $7::jsonb, $8, $9)
       ON CONFLICT (dedupe_key) DO UPDATE
         SET duplicate_count = webhook_deliveries.duplicate_count + 1, last_duplicate_at = now()
       RETURNING id, (xmax = 0) AS inserted`,
      [
        dedupeKey(parsed.envelope),
        event,
        order.id,
        order.order_number,
        order.updated_at,
        rawBody,
        headers,
        opts.sourceAddress,
        performance.now() - started,
      ],
    );
    const row = rows[0]!;
    return row.inserted
      ? { status: 200, body: { ok: true, duplicate: false }, deliveryId: BigInt(row.id) }
      : { status: 200, body: { ok: true, duplicate: true } };
  } catch (error) {
    noteReceiverFailure(sql, UNAVAILABLE.status, storeFailureReason(error));
    return UNAVAILABLE;
  }
}
