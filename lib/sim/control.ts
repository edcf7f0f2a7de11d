import type { IncomingMessage, ServerResponse } from "node:http";
import { abandonCheckout, callbackLocation, findCheckout, payCheckout } from "./checkout-session";
import { abandonBody, autoRefundBody, capabilitiesBody, faultsBody, merchantBody, payBody } from "./control-schemas";
import { input } from "./control-input";
import { fidelityBody, fidelityMode, resolveFidelity } from "./fidelity";
import { controlWebhookRoutes } from "./control-webhooks";
import { toJsonRule } from "./faults";
import { ApiError, readRawBody, sendJson } from "./http";
import { toControlOrder } from "./order-resource";
import { matchRoute, route, type ApiContext, type Route } from "./router";
import { resetState } from "./state";

const json = (body: unknown, status = 200) => ({ status, body });
const fidelityJson = (ctx: ApiContext) => ({ mode: fidelityMode(ctx.state.fidelity), fidelity: ctx.state.fidelity });
const orderJson = (ctx: ApiContext, o: Parameters<typeof toControlOrder>[0]) => toControlOrder(o, ctx.state.baseUrl);

function checkoutOrder(ctx: ApiContext) {
  const order = findCheckout(ctx.state, ctx.params.id ?? "");
  if (!order || order.type !== 2) throw new ApiError(404, "Checkout not found (session id, uuid or order_number)");
  return order;
}

const routes: Route[] = [
  // GET /__control – what this control API offers
  route("GET", "", (ctx) =>
    json({ sim: "points-sandbox-double", api_base_url: `${ctx.state.baseUrl}/api/v1`, routes: CONTROL_SUMMARY }),
  ),
  // GET /__control/orders – every order, including what the real API hides
  route("GET", "/orders", (ctx) => json({ orders: ctx.state.orders.list().map((o) => orderJson(ctx, o)) })),
  // GET /__control/orders/by-number/:orderNumber – orders with that order_number/review_reference
  route("GET", "/orders/by-number/:orderNumber", (ctx) => {
    const found = ctx.state.orders.findByNumber(ctx.params.orderNumber ?? "");
    if (found.length === 0) throw new ApiError(404, "Order not found");
    return json({ order: orderJson(ctx, found[0]!), orders: found.map((o) => orderJson(ctx, o)) });
  }),
  // GET /__control/orders/:uuid – one order
  route("GET", "/orders/:uuid", (ctx) => json({ order: orderJson(ctx, ctx.state.orders.get(ctx.params.uuid ?? "")) })),
  // POST /__control/checkout/:id/pay – shopper pays (approve) or a two-step PSP authorizes
  route("POST", "/checkout/:id/pay", (ctx) => {
    const { mode } = input(payBody, ctx);
    const order = payCheckout(ctx.state, checkoutOrder(ctx), mode ?? "approve");
    return json({ order: orderJson(ctx, order), redirect_to: callbackLocation(order) });
  }),
  // POST /__control/checkout/:id/abandon – shopper abandons; fires cancelled
  route("POST", "/checkout/:id/abandon", (ctx) => {
    const { reason } = input(abandonBody, ctx);
    const order = abandonCheckout(ctx.state, checkoutOrder(ctx), reason);
    return json({ order: orderJson(ctx, order), redirect_to: callbackLocation(order) });
  }),
  // POST /__control/orders/:uuid/auto-refund – Points' own reversal; fires auto_refunded
  route("POST", "/orders/:uuid/auto-refund", (ctx) => {
    const { amount } = input(autoRefundBody, ctx);
    const { order } = ctx.state.orders.refund(ctx.params.uuid ?? "", amount ?? null, true);
    return json({ order: orderJson(ctx, order) });
  }),
  // POST /__control/orders/:uuid/activate – customer activates; queued earning approved
  route("POST", "/orders/:uuid/activate", (ctx) =>
    json({ order: orderJson(ctx, ctx.state.orders.activate(ctx.params.uuid ?? "")) }),
  ),
  // GET|POST /__control/faults – injected API failures and delays
  route("GET", "/faults", (ctx) => json({ faults: ctx.state.faults.list().map(toJsonRule) })),
  route("POST", "/faults", (ctx) => {
    const body = input(faultsBody, ctx);
    if ("reset" in body) ctx.state.faults.reset();
    else for (const rule of "rules" in body ? body.rules : [body]) ctx.state.faults.add(rule);
    return json({ faults: ctx.state.faults.list().map(toJsonRule) });
  }),
  // GET|POST /__control/capabilities – per-capability switches (off → 403)
  route("GET", "/capabilities", (ctx) => json({ capabilities: ctx.state.capabilities })),
  route("POST", "/capabilities", (ctx) => {
    Object.assign(ctx.state.capabilities, input(capabilitiesBody, ctx));
    return json({ capabilities: ctx.state.capabilities });
  }),
  // GET|POST /__control/merchant – keys (rotation revokes the old one), flags, pricing, lock
  route("GET", "/merchant", (ctx) => json({ merchant: ctx.state.merchant })),
  route("POST", "/merchant", (ctx) => {
    Object.assign(ctx.state.merchant, input(merchantBody, ctx));
    return json({ merchant: ctx.state.merchant });
  }),
  // GET|POST /__control/fidelity – documented-only mode and its single switches
  route("GET", "/fidelity", (ctx) => json(fidelityJson(ctx))),
  route("POST", "/fidelity", (ctx) => {
    ctx.state.fidelity = resolveFidelity(input(fidelityBody, ctx), ctx.state.fidelity);
    return json(fidelityJson(ctx));
  }),
  // GET /__control/calls – API calls received (?method=POST&path=regex); DELETE clears
  route("GET", "/calls", (ctx) =>
    json({
      calls: ctx.state.calls.list({
        method: ctx.query.get("method") ?? undefined,
        path: ctx.query.get("path") ?? undefined,
      }),
    }),
  ),
  route("DELETE", "/calls", (ctx) => (ctx.state.calls.clear(), json({ ok: true }))),
  // POST /__control/reset – back to the start configuration
  route("POST", "/reset", (ctx) => (resetState(ctx.state), json({ ok: true }))),
  // GET /__control/idle – returns once no webhook delivery is buffered or in flight
  route("GET", "/idle", async (ctx) => {
    await ctx.state.delivery.waitForIdle(Number(ctx.query.get("timeoutMs")) || 60_000);
    return json({ idle: true });
  }),
  ...controlWebhookRoutes,
];

export const CONTROL_SUMMARY = [
  "GET  /__control/orders | /orders/:uuid | /orders/by-number/:order_number",
  "POST /__control/checkout/:id/pay {mode?: approve|authorize} | /checkout/:id/abandon {reason?}",
  "POST /__control/orders/:uuid/auto-refund {amount?} | /orders/:uuid/activate",
  "POST /__control/faults {status, count?, paths?, method?, delayMs?, phase?} | {rules:[...]} | {reset:true}",
  "POST /__control/capabilities {earning|store_rating|product_rating|checkout|refunds|shipping: bool}",
  "POST /__control/merchant {privateKey?, publicKey?, keyActive?, integrationActive?, verified?, pointsMultiplier?, lockWindowMs?, lockHoldMs?}",
  "POST /__control/fidelity {mode?: extended|documented, refundExtras?, apiExtraKeys?, webhookShippingStatus?, statusLabel?, timestampPrecision?, actionBody?}",
  "POST /__control/webhooks/config {duplicates?, shuffle?, shuffleWindowMs?, delayMs?, paused?, retryDelaysMs?, timeoutMs?}",
  "GET|POST /__control/webhooks/endpoints {url, secret?, name?} | DELETE /webhooks/endpoints/:uuid",
  "GET  /__control/deliveries | /deliveries/:id | POST /deliveries/:id/replay",
  "GET  /__control/calls?method=&path= | DELETE /__control/calls | POST /__control/reset | GET /__control/idle",
];

function isLoopback(addr: string | undefined): boolean {
  return addr === "::1" || addr?.startsWith("127.") === true || addr?.startsWith("::ffff:127.") === true;
}

/** /__control/*: sim-only JSON API for tests and the seed (does not exist in real Points). */
export async function handleControl(
  state: ApiContext["state"],
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  // Even if the server is bound to a public interface, the control API stays local.
  if (!isLoopback(req.socket.remoteAddress)) return sendJson(res, 403, { error: "The control API is loopback-only" });
  try {
    const raw = await readRawBody(req);
    const match = matchRoute(routes, method, path);
    if (match === null) return sendJson(res, 404, { error: `No control route ${method} /__control${path}` });
    if ("methodNotAllowed" in match) return sendJson(res, 405, { error: "Method not allowed" });
    const ctx: ApiContext = {
      state,
      req,
      params: match.params,
      query,
      get body() {
        if (raw.trim() === "") return undefined;
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          throw new ApiError(400, "Body is not valid JSON");
        }
      },
    };
    const result = await match.route.handler(ctx);
    sendJson(res, result.status, result.body);
  } catch (err) {
    if (err instanceof ApiError) return sendJson(res, err.status, { error: err.message, details: err.appended });
    const message = err instanceof Error ? err.message : String(err);
    sendJson(res, 500, { error: message });
  }
}
