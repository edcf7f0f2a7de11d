// A refused filter names its field and problem, so pages word it in the reader's
// language (components/lists/filter-problem.tsx); the English `error` stays for APIs.
import { describe, expect, it } from "vitest";
import { auditFilters } from "@/lib/audit/audit-filters";
import { parseOrderSearch } from "@/lib/orders/order-search-params";
import { FILTER_SAYS } from "./url-query";

const refusal = (result: { ok: boolean }) => {
  const { field, problem } = result as { field?: string; problem?: string };
  return { field, problem };
};

describe("filter problems", () => {
  it.each([
    [{ status: "paid" }, "status", "notAnOption"],
    [{ sort: "random" }, "sort", "notAnOption"],
    [{ q: "x".repeat(201) }, "q", "tooLong"],
    [{ q: "a\u0000b" }, "q", "unsearchable"],
    [{ from: "0000-01-01" }, "from", "notADay"],
    [{ from: "2026-05-02", to: "2026-05-01" }, "to", "toBeforeFrom"],
    [{ min: "abc" }, "min", "notAnAmount"],
    [{ min: "20", max: "10" }, "max", "maxBelowMin"],
    [{ after: "garbage" }, "after", "notAPositionForSort"],
  ] as const)("orders %j: %s %s", (input, field, problem) => {
    const result = parseOrderSearch(input);
    expect(result.ok).toBe(false);
    expect(refusal(result)).toEqual({ field, problem });
  });

  it("a refinement names its own problem, still naming the field", () => {
    const result = auditFilters.parseQuery(new URLSearchParams("action=nonsense"));
    expect(refusal(result)).toEqual({ field: "action", problem: "notAnOption" });
    expect(auditFilters.parseQuery(new URLSearchParams("from=soon"))).toMatchObject({
      field: "from",
      problem: "notATime",
    });
    expect(auditFilters.parseQuery(new URLSearchParams("older=x"))).toMatchObject({
      field: "older",
      problem: "notAPosition",
    });
  });

  it("every wording is distinct, so each maps back to one problem", () => {
    const says = Object.values(FILTER_SAYS);
    expect(new Set(says).size).toBe(says.length);
  });
});
