import os from "node:os";
import { describe, expect, it } from "vitest";
import { coreSpeeds, formatCoreSpeeds } from "./core-speeds";

describe("coreSpeeds", () => {
  it("times the loop on each core of this machine", () => {
    const times = coreSpeeds();
    // taskset is part of util-linux, on every Debian machine these tests run on.
    expect(times).toHaveLength(os.availableParallelism());
    for (const ms of times!) expect(ms).toBeGreaterThan(0);
  });

  it("prints the times in core order, or a dash when the cores could not be pinned", () => {
    expect(formatCoreSpeeds([402.4, 585.6])).toBe("402/586 ms");
    expect(formatCoreSpeeds(null)).toBe("–");
  });
});
