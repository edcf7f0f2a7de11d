import { describe, expect, it } from "vitest";
import { displayFormat, formatDate, formatSar, riyadhMidnight } from "./format";
import { negotiateLocale } from "./locales";

// 2026-12-01 21:30 UTC is 2 December 00:30 in Riyadh: the date must follow Riyadh, not UTC.
const instant = new Date("2026-12-01T21:30:00Z");

describe("formatDate and formatDateTime", () => {
  it("show Riyadh's date and time, labelled, in Gregorian", () => {
    const f = displayFormat({ locale: "en", calendar: "gregory", digits: "latn" }, "Riyadh");
    expect(f.dateTime(instant)).toBe("2 Dec 2026 00:30 (Riyadh)");
  });

  it("show the Umm al-Qura date for the Hijri calendar, and both side by side", () => {
    expect(formatDate(instant, { locale: "en", calendar: "islamic-umalqura", digits: "latn" })).toBe(
      "22 Jum. II 1448 AH",
    );
    expect(formatDate(instant, { locale: "en", calendar: "both", digits: "latn" })).toBe(
      "2 Dec 2026 / 22 Jum. II 1448 AH",
    );
  });

  it("write Arabic month names, and Arabic-Indic digits only when asked", () => {
    expect(formatDate(instant, { locale: "ar", calendar: "gregory", digits: "latn" })).toBe("2 ديسمبر 2026");
    expect(formatDate(instant, { locale: "ar", calendar: "gregory", digits: "arab" })).toBe("٢ ديسمبر ٢٠٢٦");
    expect(formatDate(instant, { locale: "ar", calendar: "islamic-umalqura", digits: "arab" })).toBe(
      "٢٢ جمادى الآخرة ١٤٤٨ هـ",
    );
  });
});

describe("formatSar", () => {
  it("formats riyals for the locale and digits", () => {
    expect(formatSar("1234.5", { locale: "en", digits: "latn" })).toBe("SAR\u00a01,234.50");
    expect(formatSar(1234.5, { locale: "ar", digits: "arab" })).toContain("١٬٢٣٤٫٥٠");
    expect(formatSar(1234.5, { locale: "ar", digits: "arab" })).toContain("ر.س.");
  });
});

describe("riyadhMidnight", () => {
  it("is the last midnight in Riyadh (UTC+3), not UTC's", () => {
    expect(riyadhMidnight(instant).toISOString()).toBe("2026-12-01T21:00:00.000Z");
    expect(riyadhMidnight(new Date("2026-12-01T20:59:00Z")).toISOString()).toBe("2026-11-30T21:00:00.000Z");
  });
});

describe("negotiateLocale", () => {
  it("takes the first supported language by weight", () => {
    expect(negotiateLocale("ar-SA,ar;q=0.9,en;q=0.8")).toBe("ar");
    expect(negotiateLocale("fr-FR,fr;q=0.9,en-US;q=0.8,ar;q=0.7")).toBe("en");
    expect(negotiateLocale("en;q=0.5, ar;q=0.9")).toBe("ar");
  });
  it("finds nothing in headers that name none of ours, or garbage", () => {
    expect(negotiateLocale("fr, de;q=0.5")).toBeUndefined();
    expect(negotiateLocale("ar;q=0")).toBeUndefined();
    expect(negotiateLocale("*;;;,,")).toBeUndefined();
    expect(negotiateLocale(undefined)).toBeUndefined();
  });
});
