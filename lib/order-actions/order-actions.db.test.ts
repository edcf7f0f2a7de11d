// Staff actions end to end against the sandbox double (real HTTP) and a real
// PostgreSQL: one Points call per intent, two-person refunds, refusals as words.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/require-user";
import { hashPassword } from "@/lib/auth/password";
import { snapshotFromApi } from "@/lib/orders/snapshot-from-api";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { confirmIntents } from "@/lib/orders/confirm-intents";
import { decideRefund } from "./decide-refund";
import { executeIntent } from "./execute-intent";
import { requestOrderAction, type ActionDeps } from "./request-order-action";
import { loadRefundPosition } from "@/lib/refunds/refund-ledger";
import { describeEachSimMode } from "@/lib/testing/sim-modes";

describeEachSimMode("staff actions", (mode) => {
  let h: Harness;
  let deps: ActionDeps;
  let decideDeps: ActionDeps & { approvalExpiryMs: number };
  const staff: Record<"admin" | "admin2" | "support", StaffUser> = {} as never;

  beforeAll(async () => {
    h = await startHarness(`order_actions_${mode}`, mode);
    deps = { db: h.db, client: h.client(), refundApprovalThresholdSar: 500 };
    decideDeps = { ...deps, approvalExpiryMs: 24 * 3_600_000 };
    const passwordHash = await hashPassword("secret-pass");
    for (const [key, role] of [
      ["admin", "admin"],
      ["admin2", "admin"],
      ["support", "support"],
    ] as const) {
      const user = await h.db.user.create({ data: { email: `${key}@test.local`, name: key, role, passwordHash } });
      staff[key] = { id: user.id, email: user.email, name: user.name, role };
    }
  });

  afterAll(() => h.close());

  beforeEach(() => h.reset());

  /** A checkout order approved at the double and known to our store. */
  async function approvedOrder(total = 1000) {
    const orderNumber = `ACT-${randomUUID().slice(0, 8)}`;
    await h
      .client()
      .beginCheckout({ total_price: total, order_number: orderNumber, callback_url: "http://localhost/cb" });
    const { order } = await h.control<{ order: { uuid: string } }>(`/checkout/${orderNumber}/pay`, {});
    await applyOrderSnapshot(h.db, snapshotFromApi(await h.client().getOrder(order.uuid)));
    return order.uuid;
  }

  const refund = (orderUuid: string, amount: number | undefined, idempotencyKey = randomUUID()) =>
    ({ kind: "refund", orderUuid, idempotencyKey, amount, reason: "damaged" }) as const;

  const refundCalls = async () => (await h.calls("POST", "/refund$")).length;

  describe("refund", () => {
    it("sends a partial refund once, even when the same form is submitted again or twice at once", async () => {
      const uuid = await approvedOrder();
      const input = refund(uuid, 100);
      const [a, b] = await Promise.all([
        requestOrderAction(deps, staff.admin, input),
        requestOrderAction(deps, staff.admin, input),
      ]);
      const again = await requestOrderAction(deps, staff.admin, input);
      expect(
        [a, b].filter((r) => r.ok && r.status === "succeeded" && r.message === "Refund sent to Points"),
      ).toHaveLength(1);
      expect(again).toMatchObject({ ok: true, message: expect.stringContaining("Already submitted") });
      expect(await refundCalls()).toBe(1);

      const order = await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } });
      expect(order.orderStatus).toBe("partially_refunded");
      expect(await loadRefundPosition(h.db, order)).toMatchObject({ refunded: 100, refundable: 900, unknown: false });
      const intent = await h.db.actionIntent.findFirstOrThrow({ where: { orderUuid: uuid } });
      expect(intent).toMatchObject({ status: "succeeded", awaitingWebhook: true });
      expect(await h.db.auditLog.count({ where: { action: "order.refund", target: uuid } })).toBe(1);
    });

    it("refuses more than what is left to refund, without calling Points", async () => {
      const uuid = await approvedOrder(300);
      expect(await requestOrderAction(deps, staff.admin, refund(uuid, 300.01))).toEqual({
        ok: false,
        message: "At most 300.00 SAR is left to refund.",
        notice: { key: "OrderActions.notice.overRefund", values: { amount: 300 } },
      });
      expect(await refundCalls()).toBe(0);
    });

    it("shows Points' refusal as a message when refunds are disabled for the merchant", async () => {
      const uuid = await approvedOrder();
      await h.control("/capabilities", { refunds: false });
      const result = await requestOrderAction(deps, staff.admin, refund(uuid, 10));
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/disabled/i);
      expect((await h.db.actionIntent.findFirstOrThrow({ where: { orderUuid: uuid } })).status).toBe("failed");
    });

    it("is refused to support staff", async () => {
      const uuid = await approvedOrder();
      expect(await requestOrderAction(deps, staff.support, refund(uuid, 10))).toMatchObject({
        ok: false,
        message: "Your role does not allow this action.",
      });
    });
  });

  describe("two-person refunds", () => {
    it("waits for a different admin, who must re-enter the password; only then is Points called, once", async () => {
      const uuid = await approvedOrder(1000);
      const requested = await requestOrderAction(deps, staff.admin, refund(uuid, undefined));
      expect(requested).toMatchObject({ ok: true, status: "pending_approval" });
      const intentId = requested.intentId!;
      expect(await refundCalls()).toBe(0);

      expect(
        await decideRefund(decideDeps, staff.admin, { intentId, approve: true, password: "secret-pass" }),
      ).toMatchObject({
        ok: false,
        message: expect.stringContaining("second admin"),
      });
      expect(
        await decideRefund(decideDeps, staff.admin2, { intentId, approve: true, password: "wrong" }),
      ).toMatchObject({
        ok: false,
        message: expect.stringContaining("Password"),
      });
      expect(await refundCalls()).toBe(0);

      const approved = await decideRefund(decideDeps, staff.admin2, {
        intentId,
        approve: true,
        password: "secret-pass",
      });
      expect(approved).toMatchObject({ ok: true, status: "succeeded" });
      expect(
        await decideRefund(decideDeps, staff.admin2, { intentId, approve: true, password: "secret-pass" }),
      ).toMatchObject({
        ok: false,
        message: expect.stringContaining("already decided"),
      });
      expect(await refundCalls()).toBe(1);
      expect((await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } })).orderStatus).toBe("fully_refunded");
      const actions = (await h.db.auditLog.findMany({ where: { target: uuid }, orderBy: { id: "asc" } })).map(
        (a) => a.action,
      );
      expect(actions).toEqual(["order.refund_requested", "order.refund_approved", "order.refund"]);
    });

    it("a rejection never calls Points", async () => {
      const uuid = await approvedOrder(1000);
      const { intentId } = await requestOrderAction(deps, staff.admin, refund(uuid, 800));
      expect(
        await decideRefund(decideDeps, staff.admin2, {
          intentId: intentId!,
          approve: false,
          note: "not agreed with customer",
        }),
      ).toMatchObject({ ok: true });
      expect((await h.db.actionIntent.findUniqueOrThrow({ where: { id: intentId! } })).status).toBe("rejected");
      expect(await refundCalls()).toBe(0);
    });
  });

  /** A checkout the shopper has not paid yet (new), known to our store. */
  async function newCheckout() {
    const orderNumber = `NEW-${randomUUID().slice(0, 8)}`;
    await h
      .client()
      .beginCheckout({ total_price: 200, order_number: orderNumber, callback_url: "http://localhost/cb" });
    const { order } = await h.control<{ order: { uuid: string } }>(`/orders/by-number/${orderNumber}`);
    await applyOrderSnapshot(h.db, snapshotFromApi(await h.client().getOrder(order.uuid)));
    return order.uuid;
  }

  const statusAt = async (uuid: string) =>
    (await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } })).orderStatus;

  describe("checkout flow actions", () => {
    it("completes with the payment method the admin gave, which Points records", async () => {
      const uuid = await newCheckout();
      const result = await requestOrderAction(deps, staff.admin, {
        kind: "complete",
        orderUuid: uuid,
        idempotencyKey: randomUUID(),
        paymentMethod: "mada",
      });
      expect(result).toMatchObject({ ok: true, status: "succeeded", message: "Order marked complete at Points" });
      const [call] = await h.calls("POST", "/complete$");
      expect(call!.body).toEqual({ payment_method: "mada" });
      expect((await h.control<{ order: { payment_method: string } }>(`/orders/${uuid}`)).order.payment_method).toBe(
        "mada",
      );
      expect(await statusAt(uuid)).toBe("approved");
    });

    it("authorizes, then captures, each once", async () => {
      const uuid = await newCheckout();
      const act = (kind: "authorize" | "capture") =>
        requestOrderAction(deps, staff.admin, { kind, orderUuid: uuid, idempotencyKey: randomUUID() });
      expect(await act("authorize")).toMatchObject({ ok: true, message: "Order authorized at Points" });
      expect(await statusAt(uuid)).toBe("authorized");
      expect(await act("capture")).toMatchObject({ ok: true, message: "Payment captured at Points" });
      expect(await statusAt(uuid)).toBe("captured");
      expect(await h.calls("POST", "/authorize$")).toHaveLength(1);
      expect(await h.calls("POST", "/capture$")).toHaveLength(1);
    });
  });

  describe("other actions", () => {
    it("support updates the shipping status with an Arabic label", async () => {
      const uuid = await approvedOrder();
      const result = await requestOrderAction(deps, staff.support, {
        kind: "shipping",
        orderUuid: uuid,
        idempotencyKey: randomUUID(),
        status: "delivery_is_in_progress",
        nameAr: "خرج للتوصيل",
        nameEn: undefined,
      });
      expect(result).toMatchObject({ ok: true, status: "succeeded" });
      const [call] = await h.calls("POST", "/status$");
      expect(call!.body).toMatchObject({ status: "delivery_is_in_progress", name_ar: "خرج للتوصيل" });
    });

    it("refuses an action the order's state does not allow, without calling Points", async () => {
      const uuid = await approvedOrder();
      expect(
        await requestOrderAction(deps, staff.admin, { kind: "capture", orderUuid: uuid, idempotencyKey: randomUUID() }),
      ).toEqual({
        ok: false,
        message: "An order that is approved cannot take this action.",
        notice: { key: "OrderActions.notice.stateRefuses", values: { orderStatus: "approved" } },
      });
      expect(await h.calls("POST", "/capture$")).toHaveLength(0);
    });

    it("cancels, then the matching webhook confirms the intent", async () => {
      const uuid = await approvedOrder();
      const result = await requestOrderAction(deps, staff.admin, {
        kind: "cancel",
        orderUuid: uuid,
        idempotencyKey: randomUUID(),
        reason: "customer asked",
      });
      expect(result).toMatchObject({ ok: true, status: "succeeded" });
      expect(await confirmIntents(h.db, [{ orderUuid: uuid, event: "shipping_status_updated" }])).toBe(0);
      expect(await confirmIntents(h.db, [{ orderUuid: uuid, event: "cancelled" }])).toBe(1);
      const intent = await h.db.actionIntent.findFirstOrThrow({ where: { orderUuid: uuid } });
      expect(intent.awaitingWebhook).toBe(false);
      expect(intent.confirmedAt).not.toBeNull();
    });

    it("keeps the confirmation of a webhook that arrived before Points' answer", async () => {
      const uuid = await approvedOrder();
      const intent = await h.db.actionIntent.create({
        data: {
          idempotencyKey: randomUUID(),
          kind: "cancel",
          orderUuid: uuid,
          params: {},
          status: "sending",
          requestedById: staff.admin.id,
        },
      });
      expect(await confirmIntents(h.db, [{ orderUuid: uuid, event: "cancelled" }])).toBe(1);
      expect(await executeIntent(h.db, h.client(), { ...intent, params: {} }, staff.admin.id)).toMatchObject({
        status: "succeeded",
      });
      const after = await h.db.actionIntent.findUniqueOrThrow({ where: { id: intent.id } });
      expect(after).toMatchObject({ status: "succeeded", awaitingWebhook: false });
      expect(after.confirmedAt).not.toBeNull();
    });

    it("drops an early confirmation when Points then refuses the call", async () => {
      const uuid = await approvedOrder();
      await h.control("/capabilities", { refunds: false });
      const intent = await h.db.actionIntent.create({
        data: {
          idempotencyKey: randomUUID(),
          kind: "refund",
          orderUuid: uuid,
          params: { reason: "x" },
          status: "sending",
          requestedById: staff.admin.id,
        },
      });
      expect(await confirmIntents(h.db, [{ orderUuid: uuid, event: "refunded" }])).toBe(1);
      expect(
        await executeIntent(h.db, h.client(), { ...intent, params: { reason: "x" } }, staff.admin.id),
      ).toMatchObject({ status: "failed" });
      const after = await h.db.actionIntent.findUniqueOrThrow({ where: { id: intent.id } });
      expect(after).toMatchObject({ status: "failed", awaitingWebhook: false, confirmedAt: null });
    });
  });
});
