// The type makes recordAudit refuse a name missing from AUDIT_ACTIONS; this
// also catches names written where the type does not reach (a cast, a string
// built at run time from a literal), and keeps the filter in step with the list.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_PREFIXES } from "./audit-actions";
import { actionMatch, parseAuditFilter } from "./audit-filters";

const ROOT = path.resolve(import.meta.dirname, "../..");

function productionSources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return ["generated", "sim", "testing"].includes(entry.name) ? [] : productionSources(rel);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [rel] : [];
  });
}

// `action: "user.create"`, `audit("webhook_endpoint.create_unknown", …)`, `? "user.disable" : "user.enable"`
const NAMED = /(?:action:|audit\(|\?|:)\s*["'`]([a-z_]+\.[a-z_]+)["'`]/g;

describe("audit action names", () => {
  it("are unique, and every prefix is offered", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const prefix of ["user", "integration", "webhook_endpoint", "go_live", "smoke", "audit"])
      expect(AUDIT_PREFIXES).toContain(prefix);
  });

  it("used in the code are all in the list", () => {
    const used = new Set<string>();
    for (const file of ["app", "lib"].flatMap(productionSources)) {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      if (!/recordAudit|audit\(/.test(source)) continue;
      for (const [, name] of source.matchAll(NAMED))
        if (AUDIT_PREFIXES.includes(name!.split(".")[0] as never)) used.add(name!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((name) => !(AUDIT_ACTIONS as readonly string[]).includes(name))).toEqual([]);
  });

  it("each parse as a filter, exactly or by prefix", () => {
    for (const action of [...AUDIT_ACTIONS, ...AUDIT_PREFIXES.map((p) => `${p}.*`)])
      expect(parseAuditFilter(new URLSearchParams({ action })).ok, action).toBe(true);
    expect(actionMatch("webhook_endpoint.*")).toEqual({ prefix: "webhook_endpoint." });
  });
});
