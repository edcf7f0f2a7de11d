import { describe, expect, it } from "vitest";
import { decodeCursor, decodeTimeIdCursor, encodeCursor, encodeTimeIdCursor, keysetPage } from "./keyset-page";

describe("cursors", () => {
  it("round-trip a (time, id) position to the millisecond, ids beyond 2^53 included", () => {
    const cursor = encodeTimeIdCursor("2026-04-18T07:00:00.123Z", BigInt("9007199254740993"));
    expect(cursor).toBe("1776495600123_9007199254740993");
    expect(decodeTimeIdCursor(cursor)).toEqual({
      at: new Date("2026-04-18T07:00:00.123Z"),
      id: BigInt("9007199254740993"),
    });
  });

  it("round-trip a text sort value that holds the separator", () => {
    const id = "4f1c2a9e-8b7d-4c3e-9a21-0d5e6f7a8b9c";
    expect(decodeCursor(encodeCursor("ORD_2026_0001", id))).toEqual({ value: "ORD_2026_0001", id });
    expect(decodeCursor(encodeCursor(new Date("2026-04-18T07:00:00.123Z"), id))).toEqual({
      value: "1776495600123",
      id,
    });
  });

  it("refuse text that is not a position", () => {
    expect(decodeCursor("no-separator")).toBeNull();
    expect(() => decodeTimeIdCursor("12_ab")).toThrow();
  });
});

describe("keysetPage", () => {
  // Rows 1..7 in list order, read as a database would: beyond the position, in the direction asked.
  const ROWS = [1, 2, 3, 4, 5, 6, 7];
  const page = (prev: number | null, next: number | null) =>
    keysetPage({
      prev,
      next,
      pageSize: 3,
      cursorOf: String,
      read: async ({ towards, position, take }) =>
        (towards === "prev"
          ? ROWS.filter((r) => r < position!).reverse()
          : ROWS.filter((r) => towards === null || r > position!)
        ).slice(0, take),
    });

  it("pages forwards and back to the same pages", async () => {
    expect(await page(null, null)).toEqual({ rows: [1, 2, 3], prevCursor: null, nextCursor: "3" });
    expect(await page(null, 3)).toEqual({ rows: [4, 5, 6], prevCursor: "4", nextCursor: "6" });
    expect(await page(null, 6)).toEqual({ rows: [7], prevCursor: "7", nextCursor: null });
    expect(await page(7, null)).toEqual({ rows: [4, 5, 6], prevCursor: "4", nextCursor: "6" });
    expect(await page(4, null)).toEqual({ rows: [1, 2, 3], prevCursor: null, nextCursor: "3" });
  });
});
