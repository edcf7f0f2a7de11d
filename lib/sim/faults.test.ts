import { describe, expect, it } from "vitest";
import { FaultInjector } from "./faults";

describe("FaultInjector rate", () => {
  it("hits only the calls whose draw falls below the rate, and never runs out", () => {
    const faults = new FaultInjector();
    faults.add({ status: 429, rate: 0.25, retryAfter: 2 });
    const draws = [0.1, 0.3, 0.24, 0.9, 0.25, 0.0];
    const hit = draws.map((d) => faults.take("GET", "/orders/x", () => d).length);
    expect(hit).toEqual([1, 0, 1, 0, 0, 1]);
    expect(faults.list()).toHaveLength(1);
    expect(faults.list()[0]).toMatchObject({ rate: 0.25, retryAfter: 2 });
  });

  it("a rate with a count stops after that many hits", () => {
    const faults = new FaultInjector();
    faults.add({ status: 503, rate: 0.5, count: 1 });
    expect(faults.take("GET", "/a", () => 0.9)).toHaveLength(0);
    expect(faults.take("GET", "/a", () => 0.1)).toHaveLength(1);
    expect(faults.take("GET", "/a", () => 0.1)).toHaveLength(0);
  });
});
