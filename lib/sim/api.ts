import type { IncomingMessage, ServerResponse } from "node:http";
import { faultMessage, type FaultRule } from "./faults";
import { ApiError, errorBody, readRawBody, sendJson, sleep, type ApiResult } from "./http";
import { matchRoute, type ApiContext } from "./router";
import { checkoutRoutes } from "./routes/checkout";
import { earningRoutes } from "./routes/earning";
import { integrationRoutes } from "./routes/integration";
import { orderActionRoutes } from "./routes/order-actions";
import { webhookRoutes } from "./routes/webhooks";
import type { SimState } from "./state";

const ROUTES = [...earningRoutes, ...checkoutRoutes, ...orderActionRoutes, ...webhookRoutes, ...integrationRoutes];

function bodyForLog(raw: string): unknown {
  if (raw.trim() === "") return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

async function dispatch(
  state: SimState,
  req: IncomingMessage,
  method: string,
  path: string,
  query: URLSearchParams,
  raw: string,
): Promise<ApiResult> {
  const match = matchRoute(ROUTES, method, path);
  if (match === null) return { status: 404, body: errorBody("Route not found") };
  if ("methodNotAllowed" in match)
    return { status: 405, body: errorBody(`The ${method} method is not supported for this route.`) };
  let parsed: { value: unknown } | null = null;
  const ctx: ApiContext = {
    state,
    req,
    params: match.params,
    query,
    // Parsed lazily so a bad key answers 400 before a bad body answers 422.
    get body() {
      parsed ??= { value: parseBody(raw) };
      return parsed.value;
    },
  };
  return match.route.handler(ctx);
}

function parseBody(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    // ASSUMPTION: Points (Laravel) would fail validation on unparseable JSON.
    throw new ApiError(422, "The request body is not valid JSON.", { errors: { body: ["Malformed JSON"] } });
  }
}

/** Everything under /api/v1: faults, routing, error mapping, call log. */
export async function handleApi(
  state: SimState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const started = Date.now();
  const method = (req.method ?? "GET").toUpperCase();
  let raw = "";
  let result: ApiResult;
  let fault: number | null = null;
  try {
    raw = await readRawBody(req);
    const rules = state.faults.take(method, path);
    const delay = Math.max(0, ...rules.map((r) => r.delayMs));
    if (delay > 0) await sleep(delay);
    const before = rules.find((r) => r.status !== null && r.phase === "before");
    const after = rules.find((r) => r.status !== null && r.phase === "after");
    if (before) {
      fault = before.status;
      result = faultResult(before);
    } else {
      result = await dispatch(state, req, method, path, query, raw).catch(toResult);
      if (after) {
        fault = after.status;
        result = faultResult(after);
      }
    }
  } catch (err) {
    result = toResult(err);
  }
  state.calls.add({
    at: new Date(started).toISOString(),
    method,
    path,
    query: Object.fromEntries(query),
    api_key_present: req.headers["x-api-key"] !== undefined,
    body: bodyForLog(raw),
    status: result.status,
    response: result.body,
    fault,
    duration_ms: Date.now() - started,
  });
  state.log(`${method} /api/v1${path} → ${result.status}${fault !== null ? " (injected)" : ""}`);
  sendJson(res, result.status, result.body, result.headers);
}

function faultResult(rule: FaultRule): ApiResult {
  const headers = rule.retryAfter === null ? undefined : { "Retry-After": String(rule.retryAfter) };
  return { status: rule.status ?? 500, body: errorBody(faultMessage(rule)), headers };
}

function toResult(err: unknown): ApiResult {
  if (err instanceof ApiError) return { status: err.status, body: errorBody(err.message, err.appended) };
  // Unexpected: never leak internals, as a real API would not.
  console.error("sim: unexpected error", err);
  return { status: 500, body: errorBody("Server Error") };
}
