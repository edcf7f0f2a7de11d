import { describe, expect, it } from "vitest";
import type { DeliveryPage, DeliveryRow } from "./list-deliveries";
import { mergeLiveBatch } from "./merge-live-batch";

function row(id: number, second: number, changes: Partial<DeliveryRow> = {}): DeliveryRow {
  return {
    id: String(id),
    event: "approved",
    pointsOrderUuid: null,
    orderNumber: `ORD-${id}`,
    status: "pending",
    attempts: 0,
    receivedAt: new Date(Date.UTC(2026, 3, 18, 7, 0, second)).toISOString(),
    ackLatencyMs: 1,
    duplicateCount: 0,
    ...changes,
  };
}

const page = (rows: DeliveryRow[], nextCursor: string | null = null): DeliveryPage => ({
  rows,
  prevCursor: null,
  nextCursor,
});
const ids = (p: DeliveryPage) => p.rows.map((r) => r.id);

describe("mergeLiveBatch", () => {
  it("puts new rows on top, newest first, and skips ones already shown", () => {
    const merged = mergeLiveBatch(page([row(2, 2), row(1, 1)]), [row(2, 2), row(3, 3), row(4, 4)], []);
    expect(ids(merged)).toEqual(["4", "3", "2", "1"]);
  });

  it("sorts a late insert below newer rows", () => {
    expect(ids(mergeLiveBatch(page([row(5, 5), row(3, 3)]), [row(4, 4)], []))).toEqual(["5", "4", "3"]);
  });

  it("patches updated rows in place and ignores updates for rows it does not show", () => {
    const merged = mergeLiveBatch(
      page([row(2, 2), row(1, 1)]),
      [],
      [row(1, 1, { status: "processed", attempts: 1 }), row(9, 9)],
    );
    expect(merged.rows.map((r) => [r.id, r.status])).toEqual([
      ["2", "pending"],
      ["1", "processed"],
    ]);
  });

  it("caps the page and moves the older position to the last row kept", () => {
    const merged = mergeLiveBatch(page([row(2, 2), row(1, 1)], null), [row(3, 3)], [], 2);
    expect(ids(merged)).toEqual(["3", "2"]);
    expect(merged.nextCursor).toBe(`${Date.parse(row(2, 2).receivedAt)}_2`);
  });
});
