import { ApiError } from "./http";
import type { ApiContext } from "./router";
import type { Capability } from "./state";

const INVALID = "Invalid or inactive API key";

/** §1.2: private key in `x-api-key`; 400 for missing, wrong or inactive. */
export function requirePrivateKey(ctx: ApiContext, opts: { allowInactiveIntegration?: boolean } = {}): void {
  const header = ctx.req.headers["x-api-key"];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.trim() === "") throw new ApiError(400, "API key is required");
  const m = ctx.state.merchant;
  if (key !== m.privateKey || !m.keyActive) throw new ApiError(400, INVALID);
  // ASSUMPTION: I1 itself must keep working, or an inactive integration could never be re-enabled.
  if (!m.integrationActive && !opts.allowInactiveIntegration) throw new ApiError(400, INVALID);
}

/** §1.2: the public key in the path authenticates checkout creation only. */
export function requirePublicKey(ctx: ApiContext, key: string): void {
  const m = ctx.state.merchant;
  if (key !== m.publicKey || !m.keyActive || !m.integrationActive) throw new ApiError(400, INVALID);
}

const CAPABILITY_TEXT: Record<Capability, string> = {
  earning: "Earning on purchases",
  store_rating: "Store rating earning",
  product_rating: "Product rating earning",
  checkout: "Points checkout",
  refunds: "Refunds",
  shipping: "Shipping status updates",
};

/** §1.1: capabilities are enabled per merchant; a disabled one answers 403 (message text ASSUMPTION). */
export function requireCapability(ctx: ApiContext, cap: Capability): void {
  if (!ctx.state.capabilities[cap]) {
    throw new ApiError(403, `${CAPABILITY_TEXT[cap]} is not enabled or not funded for this merchant.`, {
      capability: cap,
    });
  }
}

export function requireVerifiedMerchant(ctx: ApiContext): void {
  if (!ctx.state.merchant.verified) throw new ApiError(403, "Merchant is not verified.");
}
