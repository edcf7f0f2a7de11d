import { describe, expect, it } from "vitest";
import { cn } from "./cn";

describe("cn", () => {
  it("lets a later class override a base class of the same kind", () => {
    expect(cn("p-4 text-sm", "p-0")).toBe("text-sm p-0");
    expect(cn("px-3 py-2", { "px-0": true })).toBe("py-2 px-0");
  });

  it("skips falsy entries", () => {
    expect(cn("a", false, null, undefined, "", "b")).toBe("a b");
  });
});
