// The refund ledger end to end, in both modes of the double: refunds through
// points-ops, refunds made at Points directly (webhooks through the app's own
// receiver into a real PostgreSQL), and the guards that read it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/require-user";
import { hashPassword } from "@/lib/auth/password";
import { decideRefund } from "@/lib/order-actions/decide-refund";
import { requestOrderAction, type ActionDeps } from "@/lib/order-actions/request-order-action";
import { startReceivingHarness, type ReceivingHarness } from "@/lib/testing/receiving-harness";
import { describeEachSimMode } from "@/lib/testing/sim-modes";
import { loadRefundPosition } from "./refund-ledger";

describeEachSimMode("refund ledger", (mode) => {
  let h: ReceivingHarness;
  let deps: ActionDeps;
  const staff: Record<"admin" | "admin2", StaffUser> = {} as never;

  beforeAll(async () => {
    h = await startReceivingHarness(`refund_ledger_${mode}`, mode);
    deps = { db: h.db, client: h.client(), refundApprovalThresholdSar: 500 };
    const passwordHash = await hashPassword("secret-pass");
    for (const key of ["admin", "admin2"] as const) {
      const user = await h.db.user.create({
        data: { email: `${key}@test.local`, name: key, role: "admin", passwordHash },
      });
      staff[key] = { id: user.id, email: user.email, name: user.name, role: "admin" };
    }
  });
  afterAll(() => h.close());
  beforeEach(() => h.reset());

  const settled = () => h.settled();
  const paidOrder = (total: number) => h.paidOrder("LED", total);

  const position = async (uuid: string) =>
    loadRefundPosition(h.db, await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } }));
  const refund = (uuid: string, amount?: number) =>
    requestOrderAction(deps, staff.admin, {
      kind: "refund",
      orderUuid: uuid,
      idempotencyKey: randomUUID(),
      amount,
      reason: "r",
    });

  it("two partial refunds through points-ops: right refunded and refundable amounts", async () => {
    const uuid = await paidOrder(400);
    expect(await refund(uuid, 50)).toMatchObject({ ok: true, status: "succeeded" });
    expect(await refund(uuid, 70)).toMatchObject({ ok: true, status: "succeeded" });
    await settled();
    expect(await position(uuid)).toMatchObject({
      refunded: 120,
      refundable: 280,
      unknown: false,
      throughPointsOps: { count: 2, total: 120 },
    });
    const order = await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } });
    expect(order.orderStatus).toBe("partially_refunded");
  });

  it("a refund made at Points directly: amount unknown unless Points reports it", async () => {
    const uuid = await paidOrder(400);
    await refund(uuid, 50);
    await h.control(`/orders/${uuid}/auto-refund`, { amount: 30 });
    await settled();
    const p = await position(uuid);
    if (mode === "documented") expect(p).toMatchObject({ refunded: 50, refundable: 350, unknown: true });
    else expect(p).toMatchObject({ refunded: 80, refundable: 320, unknown: false, reportedByPoints: true });
  });

  it("an unknown amount: a fresh GET first, then the second admin; the over-refund guard keeps the known bound", async () => {
    const uuid = await paidOrder(300);
    await h.control(`/orders/${uuid}/auto-refund`, { amount: 100 });
    await settled();
    await h.control("/calls", undefined, "DELETE");
    const result = await refund(uuid, 10);
    if (mode === "documented") {
      expect(result).toMatchObject({ ok: true, status: "pending_approval" });
      expect(result.message).toContain("refunded outside points-ops");
      expect(await h.calls("GET", `^/orders/${uuid}$`)).toHaveLength(1);
      expect(await h.calls("POST", "/refund$")).toHaveLength(0);
      expect(await refund(uuid, 300.01)).toMatchObject({ ok: false, message: expect.stringContaining("300.00") });
    } else {
      expect(result).toMatchObject({ ok: true, status: "succeeded" });
      expect(await refund(uuid, 190.01)).toEqual({
        ok: false,
        message: "At most 190.00 SAR is left to refund.",
        notice: { key: "OrderActions.notice.overRefund", values: { amount: 190 } },
      });
    }
  });

  it("a refund of the whole order at Points settles the amount: fully refunded means all of it", async () => {
    const uuid = await paidOrder(250);
    await h.control(`/orders/${uuid}/auto-refund`, {});
    await settled();
    expect(await position(uuid)).toMatchObject({ refunded: 250, refundable: 0, unknown: false });
  });

  it("splitting does not avoid the second admin: the threshold counts 24 hours of one order plus what is pending", async () => {
    const uuid = await paidOrder(2000);
    expect(await refund(uuid, 300)).toMatchObject({ ok: true, status: "succeeded" });
    const second = await refund(uuid, 300);
    expect(second).toMatchObject({ ok: true, status: "pending_approval" });
    expect(second.message).toContain("within 24 hours");
    // While that waits, a small one is counted with it.
    expect(await refund(uuid, 100)).toMatchObject({ ok: true, status: "pending_approval" });
    expect(await h.calls("POST", "/refund$")).toHaveLength(1);
    await decideRefund({ ...deps, approvalExpiryMs: 24 * 3_600_000 }, staff.admin2, {
      intentId: second.intentId!,
      approve: true,
      password: "secret-pass",
    });
    await settled();
    expect(await position(uuid)).toMatchObject({ refunded: 600, refundable: 1400, unknown: false });
  });

  it("two requests at once cannot both slip under the threshold", async () => {
    const uuid = await paidOrder(2000);
    const results = await Promise.all([refund(uuid, 300), refund(uuid, 300)]);
    expect(results.map((r) => r.ok && r.status).sort()).toEqual(["pending_approval", "succeeded"]);
  });
});
