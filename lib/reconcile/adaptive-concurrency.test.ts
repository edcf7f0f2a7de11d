import { describe, expect, it } from "vitest";
import { AdaptiveConcurrency } from "./adaptive-concurrency";

const answers = (c: AdaptiveConcurrency, n: number, latencyMs: number) => {
  for (let i = 0; i < n; i++) c.onAnswer(latencyMs);
};

describe("AdaptiveConcurrency", () => {
  it("grows by about one per round of fast answers, up to the maximum", () => {
    const c = new AdaptiveConcurrency({ initial: 4, max: 10 });
    answers(c, 4, 50);
    expect(c.limit).toBe(4); // 4 + 4 × 1/4.x is just short of 5
    answers(c, 1, 50);
    expect(c.limit).toBe(5);
    answers(c, 5, 50);
    expect(c.limit).toBe(6);
    answers(c, 1_000, 50);
    expect(c.limit).toBe(10);
  });

  it("stops growing while answers are slow against the best recent latency", () => {
    const c = new AdaptiveConcurrency({ initial: 4 });
    answers(c, 1, 50);
    const before = c.limit;
    answers(c, 100, 200);
    expect(c.limit).toBe(before);
    answers(c, 20, 60);
    expect(c.limit).toBeGreaterThan(before);
  });

  it("takes a new baseline once the fast answers are two windows old", () => {
    const c = new AdaptiveConcurrency({ initial: 4, max: 1_000 });
    answers(c, 1, 5);
    answers(c, 399, 200); // slow against 5 ms: no growth
    const flat = c.limit;
    expect(flat).toBe(4);
    answers(c, 50, 200); // the 5 ms answer has aged out; 200 ms is the new normal
    expect(c.limit).toBeGreaterThan(flat);
  });

  it("halves on a 429, once per cooldown, and never below the minimum", () => {
    const c = new AdaptiveConcurrency({ initial: 32, min: 2 });
    c.onThrottle(null, 10_000);
    expect(c.limit).toBe(16);
    c.onThrottle(null, 10_500); // the same burst
    expect(c.limit).toBe(16);
    c.onThrottle(null, 11_000);
    expect(c.limit).toBe(8);
    for (let t = 12_000; t < 20_000; t += 1_000) c.onThrottle(null, t);
    expect(c.limit).toBe(2);
    expect(c.stats).toMatchObject({ throttled: 11, cuts: 10 });
  });

  it("waits out the Retry-After before cutting again", () => {
    const c = new AdaptiveConcurrency({ initial: 64 });
    c.onThrottle(5_000, 0);
    expect(c.limit).toBe(32);
    c.onThrottle(null, 4_999);
    expect(c.limit).toBe(32);
    c.onThrottle(null, 5_000);
    expect(c.limit).toBe(16);
  });

  it("rejects a range it cannot keep", () => {
    expect(() => new AdaptiveConcurrency({ min: 0 })).toThrow();
    expect(() => new AdaptiveConcurrency({ min: 8, max: 4 })).toThrow();
    expect(new AdaptiveConcurrency({ initial: 100, max: 8 }).limit).toBe(8);
  });
});
