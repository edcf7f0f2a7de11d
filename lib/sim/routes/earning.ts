import { requireCapability, requirePrivateKey } from "../auth";
import { ApiError, ok, sleep, type ApiResult } from "../http";
import { toApiOrder } from "../order-resource";
import type { SimOrder } from "../order-types";
import { NO_ACCOUNT_MESSAGE, SANDBOX_PHONES } from "../phone";
import { route, type ApiContext } from "../router";
import { earningSchema, productRatingSchema, storeRatingSchema } from "../schemas";
import { validate } from "../validate";

const LOCKED = "Too Many Attempts. The merchant is locked by another request, retry shortly.";

/** §2 E1: earning runs inside a per-merchant distributed lock; contention → 429. */
async function withMerchantLock<T>(ctx: ApiContext, reference: string, fn: () => T): Promise<T> {
  const { state } = ctx;
  const last = state.recentEarningRefs.get(reference);
  if (state.merchant.lockWindowMs > 0 && last !== undefined && Date.now() - last < state.merchant.lockWindowMs) {
    throw new ApiError(429, LOCKED);
  }
  if (state.merchantLockBusy) throw new ApiError(429, LOCKED);
  state.merchantLockBusy = true;
  state.recentEarningRefs.set(reference, Date.now());
  try {
    if (state.merchant.lockHoldMs > 0) await sleep(state.merchant.lockHoldMs);
    return fn();
  } finally {
    state.merchantLockBusy = false;
  }
}

function assertHasAccount(phone: string): void {
  // ASSUMPTION: the sandbox "no account" number is refused with 422 and the Arabic message (§7).
  if (phone === SANDBOX_PHONES.noAccount) {
    throw new ApiError(422, NO_ACCOUNT_MESSAGE, { errors: { phone_number: [NO_ACCOUNT_MESSAGE] } });
  }
}

/** ASSUMPTION: shape of the pending_client_activation payload (§8.11); no uuid in it. */
function answer(ctx: ApiContext, order: SimOrder, reference: Record<string, string>): ApiResult {
  if (!order.pendingActivation) return ok(toApiOrder(order, ctx.state.fidelity));
  return ok(
    { pending_client_activation: true, phone_number: order.phone, total_points: order.totalPoints, ...reference },
    "The customer has not activated their Points account yet; the earning is queued.",
  );
}

// POST /orders/earning – earning order for a completed purchase (E1)
const purchase = route("POST", "/orders/earning", async (ctx) => {
  requirePrivateKey(ctx);
  requireCapability(ctx, "earning");
  const input = validate(earningSchema, ctx.body);
  assertHasAccount(input.phone_number);
  const pending = input.phone_number === SANDBOX_PHONES.pendingActivation;
  const order = await withMerchantLock(ctx, `order:${input.order_number}`, () =>
    ctx.state.orders.createEarning(input, pending),
  );
  return answer(ctx, order, { order_number: order.orderNumber });
});

// POST /orders/earning/store-rating – flat points per store rating (E2)
const storeRating = route("POST", "/orders/earning/store-rating", async (ctx) => {
  requirePrivateKey(ctx);
  requireCapability(ctx, "store_rating");
  const input = validate(storeRatingSchema, ctx.body);
  assertHasAccount(input.phone_number);
  const pending = input.phone_number === SANDBOX_PHONES.pendingActivation;
  const order = await withMerchantLock(ctx, `store:${input.review_reference}`, () =>
    ctx.state.orders.createRating("store_rating", input, pending),
  );
  return answer(ctx, order, { review_reference: order.orderNumber });
});

// POST /orders/earning/product-rating – flat points per product rating (E3)
const productRating = route("POST", "/orders/earning/product-rating", async (ctx) => {
  requirePrivateKey(ctx);
  requireCapability(ctx, "product_rating");
  const input = validate(productRatingSchema, ctx.body);
  assertHasAccount(input.phone_number);
  const pending = input.phone_number === SANDBOX_PHONES.pendingActivation;
  const order = await withMerchantLock(ctx, `product:${input.review_reference}`, () =>
    ctx.state.orders.createRating("product_rating", input, pending),
  );
  return answer(ctx, order, { review_reference: order.orderNumber });
});

export const earningRoutes = [purchase, storeRating, productRating];
