import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { vitestFailures } from "./vitest-failures";

const VITEST = path.join(process.cwd(), "node_modules", "vitest", "vitest.mjs");

// A real vitest run writes the report, so a change in its JSON format fails here.
function reportOf(files: Record<string, string>): { dir: string; report: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "vitest-failures-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const report = path.join(dir, "report.json");
  spawnSync(
    process.execPath,
    [VITEST, "run", "--root", dir, "--globals", "--reporter=json", `--outputFile.json=${report}`],
    {
      stdio: "ignore",
    },
  );
  return { dir, report };
}

describe("vitestFailures", () => {
  it("names each failed test with its first message line, and a file that failed to load", () => {
    const { dir, report } = reportOf({
      "sums.test.mjs": 'test("adds", () => { expect(1 + 1).toBe(3); });\ntest("passes", () => {});\n',
      "broken.test.mjs": 'throw new Error("could not load");\n',
    });
    expect(vitestFailures(report, dir).sort()).toEqual([
      "broken.test.mjs: could not load",
      "sums.test.mjs › adds: AssertionError: expected 2 to be 3 // Object.is equality",
    ]);
  });

  it("says so when there is no report", () => {
    expect(vitestFailures("/nonexistent/report.json", "/nonexistent")).toEqual(["no vitest report at report.json"]);
  });
});
