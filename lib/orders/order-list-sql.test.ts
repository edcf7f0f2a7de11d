import { describe, expect, it } from "vitest";
import { furtherWalkLimit } from "./order-list-sql";

describe("furtherWalkLimit", () => {
  it("walks as far as the first walk's matches say a page needs, and half as far again", () => {
    // 25 of 5,000 rows matched: 51 need ~10,200 rows.
    expect(furtherWalkLimit(25, 50, 5_000)).toBe(15_300);
    expect(furtherWalkLimit(50, 50, 5_000)).toBe(7_650);
  });

  it("does not walk further on nothing to judge by, or further than six first walks", () => {
    expect(furtherWalkLimit(0, 50, 5_000)).toBeNull();
    expect(furtherWalkLimit(12, 50, 5_000)).toBeNull(); // 31,875 rows
    expect(furtherWalkLimit(13, 50, 5_000)).toBe(29_424);
  });
});
