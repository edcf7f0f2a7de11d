// The Points webhook receiver's whole decision (contract.md, POST /api/webhooks/points).
// It stores a verified delivery with one INSERT (shared with the deliveries
// stored at the same moment: insert-deliveries.ts) and answers; processing happens
// later, off the request path (process-deliveries.ts). Anything we answer 2xx
// for is durably stored and can be applied (or is an event this version does
// not know yet, kept as unsupported); a body that is not a Points envelope or
// holds values the store cannot hold is answered 400 and kept as rejected, also
// when it is PostgreSQL that refuses a value; only when the database cannot be
// reached or is overloaded do we answer 503, so that Points retries.
import { isDataError } from "@/lib/db/sql-state";
import { queryPrepared, type SqlClient } from "@/lib/db/sql-client";
import { BodyTooLarge, readLimitedBytes, type BodySource } from "@/lib/http/read-limited-body";
import { checkWebhookSecret, type AcceptedSecrets } from "./accepted-secrets";
import { bodyText } from "./body-text";
import { insertDelivery } from "./insert-deliveries";
import { dedupeKey } from "./dedupe-key";
import { parseEnvelope } from "@/lib/points/envelope";
import { textProblem } from "@/lib/points/json-limits";
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

/**
 * Whether the drain should run after this answer: for a new delivery, and for a
 * repeat too, whose update briefly locked the stored row, so a drain claiming
 * at that moment skipped it (SKIP LOCKED).
 */
export const wantsDrain = (result: ReceiveResult) => result.deliveryId !== undefined || result.body.duplicate === true;

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
    // Prepared too: a sender with a wrong secret can send as fast as Points does.
    await queryPrepared(
      sql,
      "note-verification-failure",
      "INSERT INTO verification_failures (reason, source_address) VALUES ($1, $2)",
      [check.reason, opts.sourceAddress],
    ).catch(() => {});
    return fail(
      401,
      check.reason === "missing_secret" ? "X-Webhook-Secret header is missing" : "X-Webhook-Secret is not valid",
    );
  }

  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) return fail(415, "Content-Type must be application/json");

  let bytes: Buffer;
  try {
    bytes = await readLimitedBytes(request.body, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return fail(413, `body is larger than ${MAX_BODY_BYTES / 1024} KiB`);
    return fail(400, "the body could not be read");
  }

  const stored = {
    headers: JSON.stringify(redactHeaders(request.headers)),
    sourceAddress: opts.sourceAddress,
    started,
  };
  try {
    const body = bodyText(bytes);
    if (!body.ok) return await reject(sql, stored, { text: body.readable, bytes }, body.problem);
    const parsed = parseEnvelope(body.text);
    if (!parsed.ok && !parsed.unsupported) return await reject(sql, stored, { text: body.text }, parsed.error);
    const envelope = parsed.ok ? parsed.envelope : parsed.unsupported!;
    try {
      return await store(sql, stored, body.text, {
        dedupeKey: dedupeKey(envelope),
        event: envelope.event,
        orderUuid: envelope.order.id,
        orderNumber: envelope.order.order_number,
        updatedAt: envelope.order.updated_at,
        status: parsed.ok ? "pending" : "unsupported",
      });
    } catch (error) {
      if (!isDataError(error)) throw error;
      // PostgreSQL refuses a value the envelope check let through: the data's fault, so no retry can help.
      return await reject(
        sql,
        stored,
        { text: body.text },
        `the database cannot store this delivery: ${String((error as Error).message)}`,
      );
    }
  } catch (error) {
    noteReceiverFailure(sql, UNAVAILABLE.status, storeFailureReason(error));
    return UNAVAILABLE;
  }
}

interface Stored {
  headers: string;
  sourceAddress: string | null;
  started: number;
}

interface Accepted {
  dedupeKey: string;
  event: string;
  orderUuid: string;
  orderNumber: string;
  updatedAt: string;
  status: "pending" | "unsupported";
}

async function store(sql: SqlClient, stored: Stored, rawBody: string, d: Accepted): Promise<ReceiveResult> {
  // One statement decides new vs repeat, so concurrent identical deliveries store exactly one row.
  // The row is written out field by field: built with `...d`, nearly every delivery's objects outlived a
  // young collection of the answering thread at 300 a second (~515 kB promoted a scavenge against ~255 kB,
  // --trace-gc-nvp; docs/architecture.md), and each such collection pauses the acknowledgements longer.
  const row = await insertDelivery(sql, {
    dedupeKey: d.dedupeKey,
    event: d.event,
    orderUuid: d.orderUuid,
    orderNumber: d.orderNumber,
    updatedAt: d.updatedAt,
    status: d.status,
    rawBody,
    headers: stored.headers,
    sourceAddress: stored.sourceAddress,
    ackLatencyMs: performance.now() - stored.started,
  });
  if (!row.inserted) return { status: 200, body: { ok: true, duplicate: true } };
  // An unsupported delivery waits for a version that knows its event; nothing to process now.
  return d.status === "pending"
    ? { status: 200, body: { ok: true, duplicate: false }, deliveryId: row.id }
    : { status: 200, body: { ok: true, duplicate: false } };
}

/** Keeps a body we refuse, for ops to see, and answers 400 with the reason. */
async function reject(
  sql: SqlClient,
  stored: Stored,
  body: { text: string; bytes?: Buffer },
  reason: string,
): Promise<ReceiveResult> {
  // The reason may quote the sender's data; it must be storable text too.
  const cut = reason.slice(0, 1_000);
  // eslint-disable-next-line no-control-regex -- NUL is what PostgreSQL text cannot store
  const why = textProblem(cut) ? cut.replace(/[\u0000\ud800-\udfff]/g, "\ufffd") : cut;
  await sql.query(
    `INSERT INTO webhook_deliveries (status, raw_body, raw_bytes, headers, source_address, reject_reason, ack_latency_ms)
     VALUES ('rejected', $1, $2, $3::jsonb, $4, $5, $6)`,
    [body.text, body.bytes ?? null, stored.headers, stored.sourceAddress, why, performance.now() - stored.started],
  );
  return fail(400, `not a Points webhook envelope: ${why}`);
}
