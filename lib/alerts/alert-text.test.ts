import { describe, expect, it } from "vitest";
import { alertText } from "./notify-alerts";

// 12:00 UTC is 15:00 in Riyadh.
const firing = {
  rule: "points_5xx",
  state: "firing" as const,
  severity: "critical",
  summary: "stored English summary",
  detail: { count: 3, windowMinutes: 10, minCount: 1 },
  fired_at: new Date("2030-03-01T12:00:00Z"),
  resolved_at: null,
};

describe("alert posts", () => {
  it("are written in the configured language, with Riyadh time", () => {
    // Latin digits: a post is read in many clients, and the dashboard's digits preference is per person.
    expect(alertText(firing, "ar")).toBe(
      ":rotating_light: [points-ops] تنبيه منطلق (حرج) ردود نقاط بأخطاء 5xx: ردّت نقاط بخطأ 5xx 3 مرات خلال آخر 10 دقائق (التنبيه عند 1). منذ 1 مارس 2030 15:00 (بتوقيت الرياض).",
    );
  });

  it("say both languages, English first, when asked for both", () => {
    const [en, ar] = alertText(firing, "both").split("\n\n");
    expect(en).toBe(alertText(firing, "en"));
    expect(ar).toBe(alertText(firing, "ar"));
    expect(en).toContain("Since 1 Mar 2030 15:00 (Riyadh).");
  });

  it("keep the stored summary of a row whose detail lacks a count", () => {
    expect(alertText({ ...firing, detail: null }, "en")).toContain(": stored English summary Since");
  });

  it("name each spike status and say how long a resolved alert lasted", () => {
    const text = alertText(
      {
        ...firing,
        rule: "points_spike_429",
        state: "resolved",
        severity: "warning",
        detail: { status: 429, recent: 6, baseline: 12, windowMinutes: 5, baselineMinutes: 60, factor: 3, minCount: 5 },
        resolved_at: new Date("2030-03-01T13:30:00Z"),
      },
      "en",
    );
    expect(text).toBe(
      ":white_check_mark: [points-ops] RESOLVED Spike of 429 from Points, after 1.5 h (1 Mar 2030 15:00 (Riyadh) to 1 Mar 2030 16:30 (Riyadh)). " +
        "Last seen: Points answered 429 6 times in the last 5 min, 6× the rate of the 1 h before (12 then; alerts at 5 and 3× the usual rate).",
    );
  });
});
