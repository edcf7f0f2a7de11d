import type { IncomingMessage, ServerResponse } from "node:http";
import { abandonCheckout, callbackLocation, payCheckout } from "../checkout-session";
import { ApiError, readRawBody, redirect, sendHtml } from "../http";
import { fromCents } from "../money";
import type { SimOrder } from "../order-types";
import type { SimState } from "../state";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function page(title: string, inner: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
button{font-size:1rem;padding:.6rem 1.2rem;margin:.3rem .3rem 0 0;cursor:pointer}dt{color:#555}dd{margin:0 0 .5rem}</style>
</head><body><p><small>Points sandbox double — not the real pay.papp.sa</small></p>${inner}</body></html>`;
}

function sessionPage(order: SimOrder): string {
  const head = `<h1>Points checkout</h1><dl>
<dt>Order</dt><dd data-testid="order-number">${esc(order.orderNumber)}</dd>
<dt>Total</dt><dd data-testid="total">${fromCents(order.totalPriceCents).toFixed(2)} SAR</dd>
<dt>Points</dt><dd>${order.totalPoints}</dd>
<dt>Status</dt><dd data-testid="order-status">${esc(order.orderStatus)}</dd></dl>`;
  if (order.orderStatus !== "new") {
    const back = callbackLocation(order);
    return page(
      "Checkout finished",
      `${head}<p>This checkout session is finished.</p>${back ? `<p><a href="${esc(back)}">Return to the store</a></p>` : ""}`,
    );
  }
  const form = (action: string, label: string, extra = "") =>
    `<form method="post" action="/session/${esc(order.sessionId ?? "")}/${action}" style="display:inline">${extra}<button type="submit">${label}</button></form>`;
  return page(
    "Points checkout",
    `${head}${form("pay", "Pay")}${form("pay", "Authorize only", '<input type="hidden" name="mode" value="authorize">')}${form("abandon", "Abandon")}`,
  );
}

/** GET /session/:id and POST /session/:id/{pay,abandon}: the hosted checkout stand-in. */
export async function handleSession(
  state: SimState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const m = /^\/session\/([^/]+)(?:\/(pay|abandon))?\/?$/.exec(path);
  const order = m ? state.orders.findBySession(m[1] ?? "") : undefined;
  if (!m || !order) return sendHtml(res, 404, page("Not found", "<h1>Checkout session not found</h1>"));
  const action = m[2];
  if (!action) {
    if (req.method !== "GET") return sendHtml(res, 405, page("Method not allowed", "<h1>Method not allowed</h1>"));
    return sendHtml(res, 200, sessionPage(order));
  }
  if (req.method !== "POST") return sendHtml(res, 405, page("Method not allowed", "<h1>Use the buttons</h1>"));
  const form = new URLSearchParams(await readRawBody(req));
  try {
    if (action === "pay") payCheckout(state, order, form.get("mode") === "authorize" ? "authorize" : "approve");
    else abandonCheckout(state, order, form.get("reason"));
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return sendHtml(res, 409, page("Checkout finished", `<h1>${esc(err.message)}</h1>`));
  }
  state.log(`checkout session ${order.sessionId} → ${order.orderStatus}`);
  const location = callbackLocation(order);
  if (location) return redirect(res, location);
  return sendHtml(res, 200, sessionPage(order));
}
