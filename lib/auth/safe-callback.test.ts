import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback";

describe("safeCallbackPath", () => {
  it.each([
    ["/orders/abc?x=1#t", "/orders/abc?x=1#t"],
    ["/webhooks", "/webhooks"],
    ["/%2F%2Fevil.example/path", "/%2F%2Fevil.example/path"],
    ["/%5Cevil.example/path", "/%5Cevil.example/path"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "/\\evil.example/path",
    "//evil.example/path",
    "/\t/evil.example/path",
    "/\n/evil.example",
    "/\u0000/evil.example",
    "/orders\u007f",
    "/\\\\evil.example",
    "/.//evil.example",
    "https://evil.example/orders",
    "http://points-ops.invalid.evil.example/",
    "javascript:alert(1)",
    "orders",
    "",
    undefined,
    42,
  ])("falls back to the overview for %j", (input) => {
    expect(safeCallbackPath(input)).toBe("/");
  });
});
