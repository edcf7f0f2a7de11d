import { describe, expect, it } from "vitest";
import {
  filterToParams,
  matchesFilter,
  parseDeliveryFilter,
  parseDeliveryQuery,
  type DeliveryFilter,
} from "./delivery-filters";
import { toInstant, toLocalTime } from "@/lib/time/riyadh";

const params = (init: Record<string, string>) => new URLSearchParams(init);

function filter(init: Record<string, string>): DeliveryFilter {
  const result = parseDeliveryFilter(params(init));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const row = {
  event: "approved",
  status: "processed",
  orderNumber: "ORD-1001",
  pointsOrderUuid: "0b7c6f5e-8a55-4c1e-9f0e-2f3a4b5c6d7e",
  duplicateCount: 0,
  receivedAt: "2026-04-18T07:00:00.000Z",
};

describe("parseDeliveryQuery", () => {
  it("treats missing and blank fields as no filter", () => {
    expect(parseDeliveryQuery(params({ event: "", status: " ", q: "  " }))).toEqual({ ok: true, value: {} });
  });

  it("trims the search and keeps known values", () => {
    expect(filter({ event: "captured", status: "duplicate", q: " ORD-1 " })).toEqual({
      event: "captured",
      status: "duplicate",
      q: "ORD-1",
    });
  });

  it.each([
    [{ status: "done" }, 'The filter "status" is not a delivery status.'],
    [{ event: "paid" }, 'The filter "event" is not a webhook event.'],
    [{ from: "yesterday" }, 'The filter "from" must be a date and time.'],
    [{ from: "2026-04-18T10:00", to: "2026-04-18T09:00" }, 'The filter "to" must not be before from.'],
    [{ older: "12;DROP" }, 'The filter "older" is not a page position.'],
  ])("explains a bad value %o in words", (init, message) => {
    expect(parseDeliveryQuery(params(init))).toMatchObject({ ok: false, error: message });
  });

  it("reads a time without offset as Riyadh time and keeps explicit offsets", () => {
    expect(toInstant("2026-04-18T10:00").toISOString()).toBe("2026-04-18T07:00:00.000Z");
    expect(toInstant("2026-04-18T10:00:00Z").toISOString()).toBe("2026-04-18T10:00:00.000Z");
    expect(toLocalTime("2026-04-18T10:00:00Z")).toBe("2026-04-18T13:00:00");
    expect(toLocalTime("2026-04-18T10:00")).toBe("2026-04-18T10:00");
  });
});

describe("filterToParams", () => {
  it("writes only set fields, in a stable order", () => {
    expect(filterToParams({ to: "2026-04-18T10:00", event: "approved", q: undefined }).toString()).toBe(
      "event=approved&to=2026-04-18T10%3A00",
    );
  });
});

describe("matchesFilter", () => {
  it.each([
    [{}, true],
    [{ event: "approved" }, true],
    [{ event: "captured" }, false],
    [{ status: "processed" }, true],
    [{ status: "failed" }, false],
    [{ status: "duplicate" }, false],
    [{ q: "ORD-1001" }, true],
    [{ q: "ORD-100" }, false],
    [{ q: "0B7C6F5E-8A55-4C1E-9F0E-2F3A4B5C6D7E" }, true],
    [{ from: "2026-04-18T10:00" }, true],
    [{ from: "2026-04-18T10:01" }, false],
    [{ to: "2026-04-18T09:59" }, false],
  ])("%o → %s", (init, expected) => {
    expect(matchesFilter(row, filter(init as Record<string, string>))).toBe(expected);
  });

  it("selects duplicates by their count", () => {
    expect(matchesFilter({ ...row, duplicateCount: 2 }, filter({ status: "duplicate" }))).toBe(true);
  });
});
