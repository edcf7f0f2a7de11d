// The approvals inbox against the sandbox double and a real PostgreSQL: a
// two-person refund is announced to the alert webhook without customer data,
// listed and counted while it waits, and expires after the set time, after
// which nobody can approve it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/require-user";
import { hashPassword } from "@/lib/auth/password";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { decideRefund } from "@/lib/order-actions/decide-refund";
import { requestOrderAction, type ActionDeps } from "@/lib/order-actions/request-order-action";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { startAlertReceiver, type AlertReceiver } from "@/lib/testing/alert-receiver";
import { expireStaleApprovals, listApprovals, pendingApprovalCount } from "./pending-approvals";

const HOUR = 3_600_000;
let h: Harness;
let receiver: AlertReceiver;
let deps: ActionDeps;
const staff: Record<"requester" | "approver", StaffUser> = {} as never;

beforeAll(async () => {
  h = await startHarness("approvals");
  receiver = await startAlertReceiver();
  deps = {
    db: h.db,
    client: h.client(),
    refundApprovalThresholdSar: 100,
    approvals: { alertWebhookUrl: receiver.url, expiryMs: 24 * HOUR, inboxUrl: "https://ops.example.com/approvals" },
  };
  const passwordHash = await hashPassword("secret-pass");
  for (const key of ["requester", "approver"] as const) {
    const user = await h.db.user.create({
      data: { email: `${key}@test.local`, name: key, role: "admin", passwordHash },
    });
    staff[key] = { id: user.id, email: user.email, name: user.name, role: "admin" };
  }
});

afterAll(async () => {
  await receiver.close();
  await h.close();
});

beforeEach(async () => {
  await h.reset();
  receiver.received.length = 0;
  await h.db.actionIntent.deleteMany();
});

/** A paid order whose customer's phone and name Points knows (and the merchant's metadata repeats). */
async function paidOrder() {
  const orderNumber = `APR-${randomUUID().slice(0, 8)}`;
  await h.client().beginCheckout({
    total_price: 900,
    order_number: orderNumber,
    phone_number: "0551112233",
    name: "Noura Customer",
    metadata: { customer_phone: "0551112233", customer_name: "Noura Customer" },
    callback_url: "http://localhost/cb",
  });
  const { order } = await h.control<{ order: { uuid: string } }>(`/checkout/${orderNumber}/pay`, {});
  await applyOrderSnapshot(h.db, snapshotFromApi(await h.client().getOrder(order.uuid)));
  return { uuid: order.uuid, orderNumber };
}

async function requestBigRefund(orderUuid: string) {
  const result = await requestOrderAction(deps, staff.requester, {
    kind: "refund",
    orderUuid,
    idempotencyKey: randomUUID(),
    amount: 450,
    reason: "arrived broken",
  });
  expect(result).toMatchObject({ ok: true, status: "pending_approval" });
  return result.intentId!;
}

const ageBy = (intentId: string, ms: number) =>
  h.db
    .$executeRaw`UPDATE action_intents SET created_at = created_at - ${ms / 1000} * interval '1 second' WHERE id = ${intentId}::uuid`;

describe("approvals inbox", () => {
  it("announces a new request to the alert webhook with no customer data, and lists and counts it", async () => {
    const { uuid, orderNumber } = await paidOrder();
    const intentId = await requestBigRefund(uuid);

    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.contentType).toContain("application/json");
    const [text] = receiver.texts();
    expect(text).toContain(`order ${orderNumber}`);
    expect(text).toContain("450.00");
    expect(text).toContain("requested by requester");
    expect(text).toContain("https://ops.example.com/approvals");
    for (const customerData of ["551112233", "0551112233", "Noura"]) expect(text).not.toContain(customerData);

    expect(await pendingApprovalCount(h.db, 24 * HOUR)).toBe(1);
    const [row] = await listApprovals(h.db, 24 * HOUR);
    expect(row).toMatchObject({
      id: intentId,
      orderNumber,
      amount: 450,
      reason: "arrived broken",
      status: "pending_approval",
      requestedBy: "requester",
    });
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(24 * HOUR);
  });

  it("still records the request when the alert webhook is down", async () => {
    receiver.answer = { status: 500 };
    try {
      const { uuid } = await paidOrder();
      await requestBigRefund(uuid);
      expect(await pendingApprovalCount(h.db, 24 * HOUR)).toBe(1);
    } finally {
      receiver.answer = { status: 200 };
    }
  });

  it("expires a request older than the set time: listed as expired, not counted, and cannot be approved", async () => {
    const { uuid } = await paidOrder();
    const intentId = await requestBigRefund(uuid);
    await ageBy(intentId, 3 * HOUR);

    // With a 4 h expiry it still waits; with 2 h it has expired.
    expect(await pendingApprovalCount(h.db, 4 * HOUR)).toBe(1);
    expect(await pendingApprovalCount(h.db, 2 * HOUR)).toBe(0);
    const [row] = await listApprovals(h.db, 2 * HOUR);
    expect(row).toMatchObject({ id: intentId, status: "expired" });
    expect(await h.db.auditLog.count({ where: { action: "order.refund_expired", target: uuid } })).toBe(1);

    const decision = await decideRefund({ ...deps, approvalExpiryMs: 2 * HOUR }, staff.approver, {
      intentId,
      approve: true,
      password: "secret-pass",
    });
    expect(decision).toEqual({
      ok: false,
      message: expect.stringContaining("expired"),
      notice: { key: "OrderActions.notice.requestExpired", values: undefined },
    });
    expect(await h.calls("POST", "/refund$")).toHaveLength(0);
    // Expiring again changes nothing.
    expect(await expireStaleApprovals(h.db, 2 * HOUR)).toBe(0);
  });

  it("a request decided in time is approved and leaves the inbox", async () => {
    const { uuid } = await paidOrder();
    const intentId = await requestBigRefund(uuid);
    const decision = await decideRefund({ ...deps, approvalExpiryMs: 24 * HOUR }, staff.approver, {
      intentId,
      approve: true,
      password: "secret-pass",
    });
    expect(decision).toMatchObject({ ok: true, status: "succeeded" });
    expect(await listApprovals(h.db, 24 * HOUR)).toEqual([]);
    expect(await h.calls("POST", "/refund$")).toHaveLength(1);
  });
});
