// The proof that a visitor of the callback page came from the merchant's own
// checkout: the merchant's backend puts `sig=<token>` into the callback_url it
// gives Points, where token = base64url(HMAC-SHA256(CHECKOUT_CALLBACK_SECRET,
// order number)). Only with it does the page show amounts; anyone else who
// types an order number sees its coarse state (docs/architecture.md).
import { createHmac, timingSafeEqual } from "node:crypto";

export const CALLBACK_TOKEN_PARAM = "sig";

export function callbackToken(secret: string, orderNumber: string): string {
  return createHmac("sha256", secret).update(`checkout-callback:${orderNumber}`).digest("base64url");
}

export function isValidCallbackToken(secret: string | undefined, orderNumber: string, token: unknown): boolean {
  if (!secret || typeof token !== "string" || token.length > 100) return false;
  const expected = Buffer.from(callbackToken(secret, orderNumber));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The callback_url for a checkout session of this app (e.g. pay-by-link), with the token when a secret is set. */
export function callbackUrl(appUrl: string, orderNumber: string, secret: string | undefined): string {
  const url = new URL("/checkout/callback", appUrl);
  url.searchParams.set("order", orderNumber);
  if (secret) url.searchParams.set(CALLBACK_TOKEN_PARAM, callbackToken(secret, orderNumber));
  return url.toString();
}
