// The headers every response carries, and the page CSP, as the browser receives them.
import { expect } from "@playwright/test";

export function expectBaseHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Served over plain HTTP here: HSTS belongs only to HTTPS in production.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** A page's policy: the base headers, a nonce for its scripts, and no eval. */
export function expectPagePolicy(headers: Record<string, string>, path: string) {
  expectBaseHeaders(headers);
  const csp = headers["content-security-policy"]!;
  expect(/'nonce-([^']+)'/.exec(csp)?.[1], path).toBeTruthy();
  expect(csp, path).not.toContain("unsafe-eval");
}
