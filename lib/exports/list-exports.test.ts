// What each export writes: a header label for every column in both languages,
// and each row's cells in the columns' order, with typed text defused.
import { describe, expect, it } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import { LIST_NAMES } from "@/lib/lists/list-registry";
import { csvLine } from "./csv";
import type { OrderListRow } from "@/lib/orders/search-orders";
import { deliveryCells, differenceCells, LIST_EXPORTS, orderCells } from "./list-exports";

const en = catalogue("en");
const ar = catalogue("ar");

describe("export columns", () => {
  it.each(LIST_NAMES)("%s: every column has a header in English and Arabic", (list) => {
    const { columns } = LIST_EXPORTS[list];
    const labels = (messages: typeof en) => messages.Exports.columns[list] as Record<string, string>;
    expect(Object.keys(labels(en)).sort()).toEqual([...columns].sort());
    for (const column of columns) expect(labels(ar)[column]).toMatch(/\p{Script=Arabic}/u);
  });
});

const order = (overrides: Partial<OrderListRow> = {}): OrderListRow => ({
  id: "1",
  pointsUuid: "0b7c6f5e-8a55-4c1e-9f0e-2f3a4b5c6d7e",
  orderNumber: "ORD-1001",
  referenceNumber: null,
  type: "earning",
  orderStatus: "approved",
  shippingStatus: null,
  shippingLabelAr: null,
  shippingLabelEn: null,
  totalPrice: "150.50",
  totalPoints: 15,
  pointsUpdatedAt: "2026-04-18T07:00:00.000Z",
  ...overrides,
});

describe("row cells", () => {
  it("writes an order in the order of its columns, in Riyadh time", () => {
    const cells = orderCells(order());
    expect(cells).toHaveLength(LIST_EXPORTS.orders.columns.length);
    expect(csvLine(cells)).toBe(
      "ORD-1001,,0b7c6f5e-8a55-4c1e-9f0e-2f3a4b5c6d7e,earning,approved,,150.50,15,2026-04-18T10:00:00.000+03:00\r\n",
    );
  });

  it("defuses an order number a spreadsheet would run", () => {
    const line = csvLine(
      orderCells(order({ orderNumber: '=HYPERLINK("http://evil.example")', referenceNumber: "+1" })),
    );
    expect(line.startsWith(`"'=HYPERLINK(""http://evil.example"")",'+1,`)).toBe(true);
  });

  it("writes a delivery with its counts", () => {
    const cells = deliveryCells({
      id: "7",
      event: "captured",
      pointsOrderUuid: null,
      orderNumber: "ORD-1",
      status: "failed",
      attempts: 3,
      receivedAt: "2026-04-18T07:00:00.000Z",
      ackLatencyMs: null,
      duplicateCount: 2,
    });
    expect(cells).toHaveLength(LIST_EXPORTS.webhooks.columns.length);
    expect(csvLine(cells)).toBe("7,2026-04-18T10:00:00.000+03:00,captured,ORD-1,,failed,3,2,\r\n");
  });

  it("writes a difference's values as compact JSON and defuses a typed note", () => {
    const cells = differenceCells({
      id: "3",
      runId: "run-1",
      orderUuid: "u-1",
      orderNumber: null,
      field: "total_price",
      kind: "mismatch",
      status: "explained",
      ours: -5,
      theirs: { a: "x" },
      note: "@SUM(A1)",
      createdAt: "2026-04-18T07:00:00.000Z",
    });
    expect(cells).toHaveLength(LIST_EXPORTS.reconciliation.columns.length);
    expect(csvLine(cells)).toBe(
      `3,2026-04-18T10:00:00.000+03:00,,u-1,total_price,mismatch,explained,'-5,"{""a"":""x""}",'@SUM(A1),run-1\r\n`,
    );
  });

  it("refuses a hostile query as the page would", () => {
    for (const list of LIST_NAMES)
      expect(LIST_EXPORTS[list].prepare(new URLSearchParams({ from: "0000-01-01T00:00", q: "\u0000" }))).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^The filter "\w+" /),
      });
  });
});
