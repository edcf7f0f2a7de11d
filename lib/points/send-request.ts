// One HTTP attempt against Points: headers, timeout, envelope and data
// validation, error mapping, and its row in the call log. Retrying is the
// caller's business (call-with-retry.ts); this only says what the failure means.
import type { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { parseRetryAfter } from "./backoff";
import { errorForStatus, invalidResponseError, networkError, PointsApiError, timeoutError } from "./errors";
import { recordCall, type CallRecord } from "./record-call";
import { redactBody, redactText } from "./redact";
import { envelopeSchema, errorBodySchema, type AppendedData } from "./schemas";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Endpoint<T> {
  method: HttpMethod;
  /** Below the base URL, segments already encoded. */
  path: string;
  /** The path the call log keeps, when it must differ from the real one. */
  logPath?: string;
  auth: "private" | "public";
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  data: z.ZodType<T>;
}

/** Links a call log row to an order and to the staff intent that caused it. */
export interface CallContext {
  orderUuid?: string;
  intentId?: string;
  /** Told of every attempt as it ends (a caller pacing itself, e.g. reconciliation's concurrency). */
  onAttempt?(report: AttemptReport): void;
  /**
   * Takes the attempt's call-log row instead of it being written at once, for
   * a caller that writes many in one statement (reconciliation, per batch).
   */
  deferLog?(record: CallRecord): void;
}

export interface AttemptReport {
  status: number | null;
  latencyMs: number;
  retryAfterMs: number | null;
}

/**
 * What a failed attempt proves:
 * - not_sent: Points certainly did not act (429 lock busy, connection refused, DNS), so anything may be resent;
 * - finished: Points handled the request and answered an error (500, 503), so a re-read shows the truth;
 * - ambiguous: Points may still be acting on it (timeout, 502/504, connection reset, unreadable 2xx);
 * - rejected: Points refused it (4xx); sending it again cannot help.
 */
export type FailurePhase = "not_sent" | "finished" | "ambiguous" | "rejected";

export type Attempt<T> =
  | { ok: true; status: number; data: T; message: string; appended: AppendedData }
  | { ok: false; error: PointsApiError; phase: FailurePhase; retryAfterMs: number | null };

export interface Transport {
  baseUrl: string;
  privateKey: string;
  publicKey: string;
  db?: Db;
  fetch: typeof fetch;
  timeoutMs: number;
}

// Errors raised before a connection exists: the request never left.
const NOT_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const MAX_LOGGED_TEXT = 2_000;

// undici puts the reason in `cause`: a code (ECONNREFUSED), or only a message
// (e.g. "bad port" for ports the fetch standard blocks, such as 4190).
function errorCode(e: unknown): string | undefined {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === "string") return cause.code;
  return typeof cause?.message === "string" ? cause.message.slice(0, 80) : undefined;
}

function isTimeout(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === "TimeoutError" || (e as { cause?: { name?: unknown } } | null)?.cause?.name === "TimeoutError";
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  return `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`;
}

function interpret<T>(
  ep: Endpoint<T>,
  status: number,
  json: unknown,
  retryAfter: string | null,
  secrets: string[],
): Attempt<T> {
  const fail = (error: PointsApiError, phase: FailurePhase): Attempt<T> => ({
    ok: false,
    error,
    phase,
    retryAfterMs: parseRetryAfter(retryAfter),
  });
  const usesPublicKey = ep.auth === "public";
  if (status >= 300 && status < 400) {
    // Following it would carry the key to another address; the base URL is wrong instead.
    return fail(
      invalidResponseError(status, "redirect; check POINTS_API_BASE_URL (https and the exact host)"),
      "rejected",
    );
  }
  if (status >= 400) {
    const parsed = errorBodySchema.safeParse(json);
    const body = parsed.success ? { ...parsed.data, message: redactText(parsed.data.message ?? "", secrets) } : {};
    const error = errorForStatus(status, body, ep.path, usesPublicKey);
    if (status === 429) return fail(error, "not_sent");
    if (status === 502 || status === 504) return fail(error, "ambiguous");
    return fail(error, status >= 500 ? "finished" : "rejected");
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return fail(invalidResponseError(status, firstIssue(envelope.error)), "ambiguous");
  if (!envelope.data.status) {
    const message = redactText(envelope.data.message ?? "", secrets);
    return fail(
      errorForStatus(status, { message, appended_data: envelope.data.appended_data }, ep.path, usesPublicKey),
      "rejected",
    );
  }
  const data = ep.data.safeParse(envelope.data.data);
  if (!data.success) return fail(invalidResponseError(status, `data.${firstIssue(data.error)}`), "ambiguous");
  return {
    ok: true,
    status,
    data: data.data,
    message: envelope.data.message ?? "",
    appended: envelope.data.appended_data ?? {},
  };
}

function urlOf(t: Transport, ep: Endpoint<unknown>): URL {
  const url = new URL(`${t.baseUrl.replace(/\/$/, "")}${ep.path}`);
  for (const [k, v] of Object.entries(ep.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

export async function sendRequest<T>(
  t: Transport,
  ep: Endpoint<T>,
  attempt: number,
  ctx: CallContext,
): Promise<Attempt<T>> {
  const secrets = [t.privateKey, t.publicKey];
  const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "application/json" };
  if (ep.auth === "private") headers["x-api-key"] = t.privateKey;
  // The wall-clock start, read with the monotonic one: the row's time is derived from both (below).
  const startedAt = Date.now();
  const started = performance.now();
  let status: number | null = null;
  let logged: unknown = null;
  let result: Attempt<T>;
  try {
    const res = await t.fetch(urlOf(t, ep), {
      method: ep.method,
      headers,
      body: ep.body === undefined ? undefined : JSON.stringify(ep.body),
      signal: AbortSignal.timeout(t.timeoutMs),
      redirect: "manual",
    });
    status = res.status;
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? (JSON.parse(text) as unknown) : null;
      logged = json;
    } catch {
      logged = text.slice(0, MAX_LOGGED_TEXT);
    }
    result = interpret(ep, res.status, json, res.headers.get("retry-after"), secrets);
  } catch (e) {
    const code = errorCode(e);
    if (isTimeout(e)) result = { ok: false, error: timeoutError(t.timeoutMs), phase: "ambiguous", retryAfterMs: null };
    else
      result = {
        ok: false,
        error: networkError(code),
        phase: code && NOT_CONNECTED.has(code) ? "not_sent" : "ambiguous",
        retryAfterMs: null,
      };
  }
  const latencyMs = performance.now() - started;
  const { onAttempt, deferLog, ...link } = ctx;
  onAttempt?.({ status, latencyMs, retryAfterMs: result.ok ? null : result.retryAfterMs });
  const record: CallRecord = {
    method: ep.method,
    path: ep.logPath ?? ep.path,
    status,
    ok: result.ok,
    errorKind: result.ok ? null : result.error.kind,
    errorMessage: result.ok ? null : result.error.message,
    errorNotice: result.ok ? null : result.error.notice,
    latencyMs,
    attempt,
    requestBody: redactBody(ep.body ?? null, secrets),
    responseBody: redactBody(logged, secrets),
    ...link,
    // When the attempt ended, from the readings its latency came from rather than the clock now: a stall since
    // (a garbage collection, a busy CPU, onAttempt's work) would put the call's start (the time less its latency,
    // where the timeline places it) after the moment Points stamped its change during the call.
    at: new Date(startedAt + latencyMs),
  };
  if (t.db && deferLog) deferLog(record);
  else await recordCall(t.db, record);
  return result;
}
