import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY, nextDelay, parseRetryAfter } from "./backoff";

describe("backoffDelay", () => {
  it("grows exponentially, capped, with full jitter", () => {
    const top = (attempt: number) => backoffDelay(attempt, DEFAULT_RETRY, () => 1);
    expect([1, 2, 3, 4, 5, 6].map(top)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelay(4, DEFAULT_RETRY, () => 0)).toBe(0);
    expect(backoffDelay(3, DEFAULT_RETRY, () => 0.25)).toBe(500);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-04-18T10:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Sat, 18 Apr 2026 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Sat, 18 Apr 2026 09:59:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-1", now)).toBeNull();
  });
});

describe("nextDelay", () => {
  it("stops when the attempts are used up", () => {
    expect(nextDelay(5, DEFAULT_RETRY, null)).toBeNull();
    expect(nextDelay(4, DEFAULT_RETRY, null, () => 1)).toBe(4000);
  });
  it("waits exactly Retry-After, or stops when it is longer than maxDelayMs", () => {
    expect(nextDelay(1, DEFAULT_RETRY, 7000)).toBe(7000);
    expect(nextDelay(1, DEFAULT_RETRY, 30_000)).toBeNull();
  });
});
