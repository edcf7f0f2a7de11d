import { describe, expect, it } from "vitest";
import {
  EMPTY_PARTS,
  joinParts,
  riyadhYearNow,
  splitValue,
  stepPart,
  toLatinDigits,
  toShownDigits,
  typePart,
} from "./date-parts";
import { LOCAL_TIME } from "./riyadh";

const parts = (p: Partial<typeof EMPTY_PARTS>) => ({ ...EMPTY_PARTS, ...p });

describe("digits", () => {
  it("reads Arabic-Indic and extended Arabic-Indic digits as Latin", () => {
    expect(toLatinDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(toLatinDigits("۱۴۴۸/x")).toBe("1448/x");
  });
  it("shows Latin digits in the reader's digits", () => {
    expect(toShownDigits("2026", "arab")).toBe("٢٠٢٦");
    expect(toShownDigits("2026", "latn")).toBe("2026");
  });
});

describe("splitValue and joinParts", () => {
  it("round-trips the URL values the filters have always carried", () => {
    for (const value of ["2026-12-01", "0001-01-01", "9999-12-31"])
      expect(joinParts(splitValue(value, "day"), "day")).toEqual({ ok: true, value });
    for (const value of ["2026-12-01T09:05", "2026-12-01T23:59:59", "2026-02-28T00:00:01"])
      expect(joinParts(splitValue(value, "time"), "time")).toEqual({ ok: true, value });
  });

  it("splits a day day-first and a time with its seconds", () => {
    expect(splitValue("2026-12-01", "day")).toEqual(parts({ day: "01", month: "12", year: "2026" }));
    expect(splitValue("2026-12-01T10:30", "time")).toEqual(
      parts({ day: "01", month: "12", year: "2026", hour: "10", minute: "30", second: "00" }),
    );
    expect(splitValue("2026-12-01T10:30:00+03:00", "time")).toEqual(EMPTY_PARTS);
    expect(splitValue("garbage", "day")).toEqual(EMPTY_PARTS);
  });

  it("leaves zero seconds out, as datetime-local did, and pads one-digit parts", () => {
    const time = parts({ day: "1", month: "2", year: "2026", hour: "7", minute: "5", second: "00" });
    expect(joinParts(time, "time")).toEqual({ ok: true, value: "2026-02-01T07:05" });
    expect(joinParts({ ...time, second: "" }, "time")).toEqual({ ok: true, value: "2026-02-01T07:05" });
    expect(joinParts({ ...time, second: "9" }, "time")).toEqual({ ok: true, value: "2026-02-01T07:05:09" });
    expect(LOCAL_TIME.test("2026-02-01T07:05:09")).toBe(true);
  });

  it("is no filter when every part is blank", () => {
    expect(joinParts(EMPTY_PARTS, "day")).toEqual({ ok: true, value: "" });
    expect(joinParts(EMPTY_PARTS, "time")).toEqual({ ok: true, value: "" });
  });

  it("names the first missing part", () => {
    expect(joinParts(parts({ day: "1", year: "2026" }), "day")).toEqual({
      ok: false,
      part: "month",
      problem: "missing",
    });
    expect(joinParts(parts({ day: "1", month: "1", year: "2026" }), "time")).toEqual({
      ok: false,
      part: "hour",
      problem: "missing",
    });
  });

  it("refuses parts out of range and days the month does not have", () => {
    const day = parts({ day: "31", month: "04", year: "2026" });
    expect(joinParts(day, "day")).toEqual({ ok: false, part: "day", problem: "invalid" });
    expect(joinParts({ ...day, day: "29", month: "02" }, "day")).toEqual({
      ok: false,
      part: "day",
      problem: "invalid",
    });
    expect(joinParts({ ...day, day: "29", month: "02", year: "2028" }, "day")).toEqual({
      ok: true,
      value: "2028-02-29",
    });
    expect(joinParts({ ...day, day: "29", month: "02", year: "0004" }, "day")).toEqual({
      ok: true,
      value: "0004-02-29",
    });
    expect(joinParts({ ...day, month: "13" }, "day")).toMatchObject({ part: "month", problem: "invalid" });
    expect(joinParts({ ...day, year: "26" }, "day")).toMatchObject({ part: "year", problem: "invalid" });
    expect(joinParts({ ...day, year: "0000" }, "day")).toMatchObject({ part: "year", problem: "invalid" });
    const time = parts({ day: "1", month: "1", year: "2026", hour: "24", minute: "00" });
    expect(joinParts(time, "time")).toMatchObject({ part: "hour", problem: "invalid" });
    expect(joinParts({ ...time, hour: "23", minute: "60" }, "time")).toMatchObject({ part: "minute" });
  });
});

describe("typePart", () => {
  it("keeps digits only, in Latin, at most the part's width", () => {
    expect(typePart("day", "٠٥")).toEqual({ text: "05", advance: true });
    expect(typePart("year", "2026")).toEqual({ text: "2026", advance: true });
    expect(typePart("year", "202")).toEqual({ text: "202", advance: false });
    expect(typePart("month", "1")).toEqual({ text: "1", advance: false });
    expect(typePart("month", "")).toEqual({ text: "", advance: false });
  });
  it("moves on after a digit that can only be a one-digit value, or after a separator", () => {
    expect(typePart("day", "4")).toEqual({ text: "04", advance: true });
    expect(typePart("day", "3")).toEqual({ text: "3", advance: false });
    expect(typePart("month", "2")).toEqual({ text: "02", advance: true });
    expect(typePart("hour", "3")).toEqual({ text: "03", advance: true });
    expect(typePart("minute", "6")).toEqual({ text: "06", advance: true });
    expect(typePart("day", "1/")).toEqual({ text: "01", advance: true });
    expect(typePart("day", "/")).toEqual({ text: "", advance: false });
  });
});

describe("stepPart", () => {
  it("wraps within the part's range and starts an empty part at its start", () => {
    expect(stepPart("month", "12", 1)).toBe("01");
    expect(stepPart("month", "01", -1)).toBe("12");
    expect(stepPart("hour", "00", -1)).toBe("23");
    expect(stepPart("day", "", 1)).toBe("01");
    expect(stepPart("year", "", 1, 2026)).toBe("2026");
    expect(stepPart("year", "9999", 1)).toBe("9999");
  });
});

describe("riyadhYearNow", () => {
  it("is the year on the calendar in Riyadh now", () => {
    const year = new Intl.DateTimeFormat("en", { timeZone: "Asia/Riyadh", year: "numeric" }).format(new Date());
    expect(riyadhYearNow()).toBe(Number(year));
  });
});
