// The approval request post: Riyadh time, labelled, in ALERT_LANGUAGE, worded like the alert posts.
import { describe, expect, it } from "vitest";
import { approvalRequestText } from "./notify-approval-request";

// 21:30 UTC on 1 March is half past midnight on 2 March in Riyadh.
const request = {
  orderNumber: "ORD-2026-0042",
  amount: 1234.5,
  requestedBy: "Sara",
  expiresAt: new Date("2026-03-01T21:30:00Z"),
  inboxUrl: "https://ops.example/approvals",
};

describe("approvalRequestText", () => {
  it("English by default, the deadline in Riyadh time with its label, never UTC", () => {
    expect(approvalRequestText(request)).toBe(
      ":hourglass: [points-ops] Refund of SAR\u00a01,234.50 on order ORD-2026-0042, requested by Sara, needs a second admin before 2 Mar 2026 00:30 (Riyadh). Decide at https://ops.example/approvals",
    );
  });

  it("Arabic when the alerts are, with everything left and no inbox address", () => {
    expect(approvalRequestText({ ...request, amount: null, inboxUrl: undefined }, "ar")).toBe(
      ":hourglass: [points-ops] استرداد كل المتبقي على الطلب ORD-2026-0042، طلبه Sara، يحتاج موافقة مشرف ثانٍ قبل 2 مارس 2026 00:30 (بتوقيت الرياض). قرّر من صفحة الموافقات في points-ops.",
    );
  });

  it("both: English, then Arabic, one paragraph each", () => {
    const [en, ar, ...rest] = approvalRequestText(request, "both").split("\n\n");
    expect(rest).toEqual([]);
    expect(en).toBe(approvalRequestText(request, "en"));
    expect(ar).toBe(approvalRequestText(request, "ar"));
    expect(ar).toContain("ر.س");
  });
});
