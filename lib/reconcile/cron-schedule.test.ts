import { describe, expect, it } from "vitest";
import { isRunDue, lastScheduledStart } from "./cron-schedule";

const at = (iso: string) => new Date(iso);

describe("cron schedule", () => {
  it("the latest scheduled start is today's hour once it passed, else yesterday's", () => {
    expect(lastScheduledStart(at("2026-12-01T00:00:00Z"), 0)).toEqual(at("2026-12-01T00:00:00Z"));
    expect(lastScheduledStart(at("2026-12-01T15:30:00Z"), 0)).toEqual(at("2026-12-01T00:00:00Z"));
    expect(lastScheduledStart(at("2026-12-01T01:59:59Z"), 2)).toEqual(at("2026-11-30T02:00:00Z"));
    expect(lastScheduledStart(at("2027-01-01T00:10:00Z"), 3)).toEqual(at("2026-12-31T03:00:00Z"));
  });

  it("a run is due when none started since the scheduled start", () => {
    const now = at("2026-12-01T00:01:00Z");
    expect(isRunDue(null, now)).toBe(true);
    expect(isRunDue(at("2026-11-30T00:00:30Z"), now)).toBe(true);
    expect(isRunDue(at("2026-11-30T23:59:59Z"), now)).toBe(true);
    expect(isRunDue(at("2026-12-01T00:00:00Z"), now)).toBe(false);
    expect(isRunDue(at("2026-12-01T00:00:40Z"), at("2026-12-01T23:59:00Z"))).toBe(false);
  });
});
