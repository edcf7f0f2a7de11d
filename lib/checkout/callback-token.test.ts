import { describe, expect, it } from "vitest";
import { callbackToken, callbackUrl, isValidCallbackToken } from "./callback-token";

const SECRET = "a-callback-secret-for-tests";

describe("callback token", () => {
  it("accepts the token of the same order and secret only", () => {
    const token = callbackToken(SECRET, "ORD-1");
    expect(isValidCallbackToken(SECRET, "ORD-1", token)).toBe(true);
    expect(isValidCallbackToken(SECRET, "ORD-2", token)).toBe(false);
    expect(isValidCallbackToken("another-secret-entirely", "ORD-1", token)).toBe(false);
    expect(isValidCallbackToken(SECRET, "ORD-1", token.slice(1))).toBe(false);
    expect(isValidCallbackToken(SECRET, "ORD-1", undefined)).toBe(false);
  });

  it("accepts nothing when no secret is configured", () => {
    expect(isValidCallbackToken(undefined, "ORD-1", callbackToken("", "ORD-1"))).toBe(false);
  });

  it("builds a callback URL carrying the order number and, with a secret, its token", () => {
    const url = new URL(callbackUrl("https://ops.example.com", "ORD 1#", SECRET));
    expect(url.pathname).toBe("/checkout/callback");
    expect(url.searchParams.get("order")).toBe("ORD 1#");
    expect(isValidCallbackToken(SECRET, "ORD 1#", url.searchParams.get("sig"))).toBe(true);
    expect(new URL(callbackUrl("https://ops.example.com", "ORD-1", undefined)).searchParams.has("sig")).toBe(false);
  });
});
