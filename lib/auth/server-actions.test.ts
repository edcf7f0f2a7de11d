// Every server action goes through the one builder (safe-action.ts): this scans
// each "use server" file and fails on an export that is not `staffAction(…)`,
// `publicAction(…)` or `publicFormAction(…)` (types are erased and may be exported).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

// Everywhere Next could find an action, not only app, components and lib.
const SKIPPED = new Set(["node_modules", "generated"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) || entry.name.startsWith(".") ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const USE_SERVER = /^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/;
const BUILT = /^export const \w+ = (?:staffAction|publicAction|publicFormAction)\(/;
const TYPE_ONLY = /^export (?:type|interface) /;

/** The exports of a file that are not built with the builder, as their first line. */
function unbuiltExports(source: string): string[] {
  return source.split("\n").filter((line) => line.startsWith("export ") && !BUILT.test(line) && !TYPE_ONLY.test(line));
}

const files = sourceFiles(".");
const actionFiles = files.filter((file) => USE_SERVER.test(readFileSync(path.join(ROOT, file), "utf8")));

describe("server actions", () => {
  it("finds the action files", () => {
    expect(actionFiles).toContain(path.join("app", "(dashboard)", "orders", "[uuid]", "actions.ts"));
    expect(actionFiles.length).toBeGreaterThanOrEqual(11);
  });

  it.each(actionFiles)("%s exports only actions built with the builder", (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    expect(unbuiltExports(source)).toEqual([]);
    expect(source).toMatch(/^export const \w+ = (?:staffAction|publicAction|publicFormAction)\(/m);
  });

  it("has no inline server actions, which would bypass the builder", () => {
    const inline = files.filter((file) => {
      const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n");
      const directives = lines.filter((line) => /^\s*["']use server["'];?\s*$/.test(line));
      return directives.length > (actionFiles.includes(file) ? 1 : 0);
    });
    expect(inline).toEqual([]);
  });

  it("flags a hand-written action and a re-export", () => {
    const source = [
      '"use server";',
      "export type Shape = { ok: true };",
      'export const good = staffAction({ name: "good", role: "ops" }, async () => ({ ok: true }));',
      "export async function bad() {}",
      'export { other } from "./other";',
      "export const wrapped = guarded(async () => ({ ok: true }));",
    ].join("\n");
    expect(unbuiltExports(source)).toEqual([
      "export async function bad() {}",
      'export { other } from "./other";',
      "export const wrapped = guarded(async () => ({ ok: true }));",
    ]);
  });
});
