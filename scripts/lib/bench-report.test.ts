import { expect, it } from "vitest";
import { fmtAgainst } from "./bench-report";

it("prints a figure just past its goal as past it, not as the goal itself", () => {
  // 4.06 ms against a floor of 2.70 ms: 1.5037 ×, over "≤ 1.5 ×".
  expect(fmtAgainst(4.06 / 2.7, "at most")).toBe("1.51");
  expect(fmtAgainst(69.96, "at least", 0)).toBe("69");
});

it("leaves a figure that is exact at the printed precision as it is", () => {
  expect(fmtAgainst(1.5, "at most")).toBe("1.50");
  expect(fmtAgainst(1.1, "at most")).toBe("1.10");
  expect(fmtAgainst(0.7 * 100, "at least", 0)).toBe("70");
  expect(fmtAgainst(1.44, "at most")).toBe("1.44");
});
