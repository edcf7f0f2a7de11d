// What failed in a vitest run, read back from its JSON report. CI keeps only
// the tail of npm test's output, and the e2e suite runs after vitest: without
// this summary at the end, a failed vitest test is out of sight.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

type JsonReport = {
  testResults?: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults?: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
};

const firstLine = (text: string | undefined) => (text ?? "").trim().split("\n")[0]!.slice(0, 300);

/** One line per failed test (or per file that failed outside its tests), file path relative to root. */
export function vitestFailures(reportPath: string, root: string): string[] {
  if (!existsSync(reportPath)) return [`no vitest report at ${path.relative(root, reportPath)}`];
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as JsonReport;
  const lines: string[] = [];
  for (const file of report.testResults ?? []) {
    const where = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const test of failed) lines.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (failed.length === 0 && file.status === "failed") lines.push(`${where}: ${firstLine(file.message)}`);
  }
  return lines;
}
