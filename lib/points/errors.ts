// Failures of a Points call, in words a person can act on (points-api.md §6).
// Messages may quote Points' own text but never a key: callers show them as is;
// each also carries its PointsErrors catalogue key for pages in another language.
import type { Notice } from "@/lib/result/action-result";

export const POINTS_ERROR_KINDS = [
  "invalid_key",
  "capability_disabled",
  "validation",
  "busy",
  "not_found",
  "conflict",
  "server",
  "network",
  "timeout",
  "invalid_response",
] as const;
export type PointsErrorKind = (typeof POINTS_ERROR_KINDS)[number];

export class PointsApiError extends Error {
  override name = "PointsApiError";

  constructor(
    readonly kind: PointsErrorKind,
    message: string,
    /** HTTP status when Points answered; null for network errors and timeouts. */
    readonly status: number | null = null,
    /** Per-field messages of a 422, when Points sent them (format is an ASSUMPTION, §8.18). */
    readonly fieldErrors: Record<string, string[]> = {},
    /** The message by key; PointsErrors.<kind> unless a case needs its own sentence. */
    readonly notice: Notice = { key: `PointsErrors.${kind}`, values: status === null ? {} : { status } },
  ) {
    super(message);
  }
}

export interface ErrorBody {
  message?: string | null;
  appended_data?: Record<string, unknown> | unknown[] | null;
}

function fieldErrorsOf(body: ErrorBody): Record<string, string[]> {
  const appended = body.appended_data;
  const errors = appended && !Array.isArray(appended) ? appended.errors : undefined;
  if (!errors || typeof errors !== "object" || Array.isArray(errors)) return {};
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === "string");
    if (list.length) out[field] = list;
  }
  return out;
}

function what(path: string): string {
  if (path.startsWith("/orders/")) return "this order";
  if (path.startsWith("/webhooks/")) return "this webhook endpoint";
  return "this resource";
}

/**
 * `usesPublicKey`: the checkout call authenticates with the public key, so a
 * 400 there points at the other variable.
 */
export function errorForStatus(status: number, body: ErrorBody, path: string, usesPublicKey = false): PointsApiError {
  const said = body.message?.trim() || "";
  const quoted = said ? ` (Points said: ${said})` : "";
  const notice = (key: string, values: Notice["values"] = {}): Notice => ({
    key: `PointsErrors.${key}`,
    values: { status, said, ...values },
  });
  if (status === 400 || status === 401) {
    const variable = usesPublicKey ? "POINTS_PUBLIC_KEY" : "POINTS_PRIVATE_KEY";
    return new PointsApiError(
      "invalid_key",
      `API key rejected: check or rotate ${variable}${quoted}`,
      status,
      {},
      notice("invalid_key", { variable }),
    );
  }
  if (status === 403) {
    // Webhook management is refused to merchants Points has not verified/published (§2 W-rules).
    if (path.startsWith("/webhooks"))
      return new PointsApiError(
        "capability_disabled",
        `Points refused to change webhook endpoints: the merchant must be verified in Points Business${quoted || " (HTTP 403)"}`,
        status,
        {},
        notice("webhooks_unverified"),
      );
    return new PointsApiError(
      "capability_disabled",
      `This capability is disabled for your merchant in Points (${said || "HTTP 403"})`,
      status,
      {},
      notice("capability_disabled"),
    );
  }
  if (status === 404 || status === 410) {
    return new PointsApiError(
      "not_found",
      `Points does not know ${what(path)}: it may belong to another merchant or environment${quoted}`,
      status,
      {},
      notice("not_found"),
    );
  }
  if (status === 409)
    return new PointsApiError(
      "conflict",
      said || "Points refused: the order changed in the meantime",
      status,
      {},
      notice("conflict"),
    );
  if (status === 429) return new PointsApiError("busy", "Points is busy (per-merchant lock)", status);
  if (status >= 500) return new PointsApiError("server", `Points had a server error (HTTP ${status})`, status);
  const fields = fieldErrorsOf(body);
  const extra = Object.entries(fields)
    .flatMap(([field, messages]) => messages.filter((m) => m !== said).map((m) => `${field}: ${m}`))
    .join("; ");
  const main = said || `Points rejected the request (HTTP ${status})`;
  return new PointsApiError(
    "validation",
    extra ? `${main} (${extra})` : main,
    status,
    fields,
    notice("validation", { said: [said, extra].filter(Boolean).join("; ") }),
  );
}

export function timeoutError(timeoutMs: number): PointsApiError {
  const seconds = timeoutMs / 1000;
  return new PointsApiError(
    "timeout",
    `Points did not answer within ${seconds} s`,
    null,
    {},
    {
      key: "PointsErrors.timeout",
      values: { seconds },
    },
  );
}

export function networkError(code: string | undefined): PointsApiError {
  return new PointsApiError(
    "network",
    `Could not reach Points${code ? ` (${code})` : ""}: check the network and POINTS_API_BASE_URL`,
    null,
    {},
    { key: "PointsErrors.network", values: { code: code ?? "" } },
  );
}

export function invalidResponseError(status: number, detail: string): PointsApiError {
  return new PointsApiError(
    "invalid_response",
    `Points answered in an unexpected format (HTTP ${status}: ${detail})`,
    status,
  );
}

/** The final error after retries; the count tells the reader that waiting already happened. */
export function afterRetries(error: PointsApiError, attempts: number): PointsApiError {
  if (attempts <= 1) return error;
  const retried = attempts - 1;
  const message = `${error.message}; retried ${retried} time${retried === 1 ? "" : "s"}`;
  return new PointsApiError(error.kind, message, error.status, error.fieldErrors, {
    key: error.notice.key,
    values: { ...error.notice.values, retried },
  });
}
