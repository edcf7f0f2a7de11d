import { requireCapability, requirePublicKey } from "../auth";
import { ok } from "../http";
import { route } from "../router";
import { checkoutSchema } from "../schemas";
import { validate } from "../validate";

// POST /orders/checkout/:publicKey – start a hosted checkout (E4); no uuid in the answer, as documented
const beginCheckout = route("POST", "/orders/checkout/:publicKey", (ctx) => {
  requirePublicKey(ctx, ctx.params.publicKey ?? "");
  requireCapability(ctx, "checkout");
  const input = validate(checkoutSchema, ctx.body);
  const order = ctx.state.orders.createCheckout(input);
  return ok({ checkout_url: `${ctx.state.baseUrl}/session/${order.sessionId}` });
});

export const checkoutRoutes = [beginCheckout];
