// Every list's URL filter refuses what the store cannot hold with a reason a
// person can read (the pages show it, the routes answer 400): a NUL byte, an
// unpaired surrogate, an over-long string, a year 0000 or 10000 date.
// e2e/list-filters.spec.ts checks the same through the pages and routes.
import { describe, expect, it } from "vitest";
import { parseAuditFilter, parseAuditQuery } from "@/lib/audit/audit-filters";
import { parseOrderSearch } from "@/lib/orders/order-search-params";
import { parseDifferenceQuery } from "@/lib/reconcile/difference-filters";
import { parseDeliveryFilter, parseDeliveryQuery } from "@/lib/webhooks/delivery-filters";
import { filterInstant, filterText } from "./url-query";

type Parse = (params: URLSearchParams) => { ok: boolean };

// A URL cannot carry an unpaired surrogate: URLSearchParams turns it into U+FFFD
// (see below), so it is refused where text arrives otherwise (filterText).
const TEXT = ["a\u0000b", "\u0000", "z".repeat(10_000)];
const INSTANTS = ["0000-01-01T00:00", "0000-06-01T00:00:00Z", "10000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z"];
const DAYS = ["0000-01-01", "0000-12-31"];

const lists: Array<{ name: string; parse: Parse; text: string[]; times: string[]; days: string[] }> = [
  { name: "orders", parse: parseOrderSearch, text: ["q"], times: [], days: ["from", "to"] },
  { name: "deliveries (page, route)", parse: parseDeliveryQuery, text: ["q"], times: ["from", "to"], days: [] },
  { name: "deliveries (bulk replay)", parse: parseDeliveryFilter, text: ["q"], times: ["from", "to"], days: [] },
  { name: "differences", parse: parseDifferenceQuery, text: ["q"], times: [], days: [] },
  { name: "audit (page)", parse: parseAuditQuery, text: ["actor", "target"], times: ["from", "to"], days: [] },
  { name: "audit (export)", parse: parseAuditFilter, text: ["actor", "target"], times: ["from", "to"], days: [] },
];

describe.each(lists)("the $name filter", ({ parse, text, times, days }) => {
  const refuses = (key: string, value: string) => {
    const result = parse(new URLSearchParams({ [key]: value })) as { ok: boolean; error?: string };
    expect(result.ok, `${key}=${JSON.stringify(value.slice(0, 20))}`).toBe(false);
    expect(result.error).toMatch(new RegExp(`^The filter "${key}" `));
  };

  it("refuses NUL, unpaired surrogates and over-long text with a reason", () => {
    for (const key of text) for (const value of TEXT) refuses(key, value);
  });

  // The differences list has no date filter.
  if (times.length + days.length > 0)
    it("refuses dates outside the years 1 to 9999 with a reason", () => {
      for (const key of times) for (const value of INSTANTS) refuses(key, value);
      for (const key of days) for (const value of DAYS) refuses(key, value);
    });

  it("reads an unpaired surrogate sent in a URL as U+FFFD, harmlessly", () => {
    for (const key of text) expect(parse(new URLSearchParams({ [key]: "x\ud800" })).ok).toBe(true);
  });

  it("still accepts ordinary values, Arabic and emoji included", () => {
    for (const key of text) expect(parse(new URLSearchParams({ [key]: "طلب 😀 #1001" })).ok).toBe(true);
    for (const key of times) expect(parse(new URLSearchParams({ [key]: "0001-01-01T00:00:00+00:00" })).ok).toBe(true);
    for (const key of days) expect(parse(new URLSearchParams({ [key]: "2026-04-18" })).ok).toBe(true);
  });
});

describe("filter primitives", () => {
  it("refuse unpaired surrogates and NUL in text that does not come through a URL", () => {
    for (const value of ["x\ud800", "\udc00y", "\ud83d", "a\u0000"])
      expect(filterText(100).safeParse(value).success).toBe(false);
  });

  it("keep a well-formed surrogate pair and the edges of the range", () => {
    expect(filterText(10).safeParse("😀").success).toBe(true);
    expect(filterInstant.safeParse("9999-12-31T23:59:59Z").success).toBe(true);
    expect(filterInstant.safeParse("9999-12-31T23:59").success).toBe(true);
  });
});
