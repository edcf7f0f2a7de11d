import { requireCapability, requirePrivateKey } from "../auth";
import { ok, type AppendedData } from "../http";
import { refundFigures, toApiOrder } from "../order-resource";
import type { SimOrder } from "../order-types";
import { route, type ApiContext } from "../router";
import { cancelSchema, completeSchema, refundSchema, shippingSchema } from "../schemas";
import { validate } from "../validate";

const resource = (ctx: ApiContext, order: SimOrder) => toApiOrder(order, ctx.state.fidelity);

// Answer of E6–E10, whose body the docs leave UNKNOWN (§8.6, §8.8): the order, or an empty `data` (fidelity).
const actionAnswer = (ctx: ApiContext, order: SimOrder, message: string, appended: AppendedData = {}) =>
  ok(ctx.state.fidelity.actionBody === "order" ? resource(ctx, order) : [], message, appended);

// GET /orders/:uuid – look up one order (E5)
const show = route("GET", "/orders/:uuid", (ctx) => {
  requirePrivateKey(ctx);
  return ok(resource(ctx, ctx.state.orders.get(ctx.params.uuid ?? "")));
});

// POST /orders/:uuid/authorize – new → authorized (E6)
const authorize = route("POST", "/orders/:uuid/authorize", (ctx) => {
  requirePrivateKey(ctx);
  return actionAnswer(ctx, ctx.state.orders.authorize(ctx.params.uuid ?? ""), "Order authorized");
});

// POST /orders/:uuid/capture – authorized → captured (E7)
const capture = route("POST", "/orders/:uuid/capture", (ctx) => {
  requirePrivateKey(ctx);
  return actionAnswer(ctx, ctx.state.orders.capture(ctx.params.uuid ?? ""), "Order captured");
});

// POST /orders/:uuid/complete – replacing order fully paid (E8)
const complete = route("POST", "/orders/:uuid/complete", (ctx) => {
  requirePrivateKey(ctx);
  const uuid = ctx.params.uuid ?? "";
  ctx.state.orders.get(uuid);
  const input = validate(completeSchema, ctx.body);
  return actionAnswer(ctx, ctx.state.orders.complete(uuid, input.payment_method ?? null), "Order completed");
});

// POST /orders/:uuid/cancel – cancel, default reason "Order cancelled via API" (E9)
const cancel = route("POST", "/orders/:uuid/cancel", (ctx) => {
  requirePrivateKey(ctx);
  const uuid = ctx.params.uuid ?? "";
  ctx.state.orders.get(uuid);
  const input = validate(cancelSchema, ctx.body);
  return actionAnswer(ctx, ctx.state.orders.cancel(uuid, input.reason ?? null), "Order cancelled");
});

// POST /orders/:uuid/refund – full (no amount) or partial refund (E10)
const refund = route("POST", "/orders/:uuid/refund", (ctx) => {
  requirePrivateKey(ctx);
  requireCapability(ctx, "refunds");
  const uuid = ctx.params.uuid ?? "";
  ctx.state.orders.get(uuid);
  const input = validate(refundSchema, ctx.body);
  const { order, refundCents } = ctx.state.orders.refund(uuid, input.amount ?? null);
  // ASSUMPTION: the response body is UNKNOWN; order resource + refund figures in appended_data.
  const figures = ctx.state.fidelity.refundExtras ? refundFigures(order, refundCents) : {};
  return actionAnswer(ctx, order, "Order refunded", figures);
});

// POST /orders/:uuid/status – shipping status and bilingual label (E11)
const shipping = route("POST", "/orders/:uuid/status", (ctx) => {
  requirePrivateKey(ctx);
  requireCapability(ctx, "shipping");
  const uuid = ctx.params.uuid ?? "";
  ctx.state.orders.get(uuid);
  const input = validate(shippingSchema, ctx.body);
  return ok(resource(ctx, ctx.state.orders.updateShipping(uuid, input)), "Order status updated");
});

export const orderActionRoutes = [show, authorize, capture, complete, cancel, refund, shipping];
