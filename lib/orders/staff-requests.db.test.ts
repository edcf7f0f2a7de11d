// Manual earnings and payment links against the sandbox double (real HTTP) and
// a real PostgreSQL: what Points answers, what is stored and audited, and how
// each outcome reaches the order's timeline.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { snapshotFromApi } from "./snapshot-from-api";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { applyOrderSnapshot } from "./apply-order-snapshot";
import { orderTimeline } from "@/lib/timeline/order-timeline";
import {
  createManualEarning,
  createPaymentLink,
  manualEarningSchema,
  orderNumberTarget,
  paymentLinkSchema,
} from "./staff-requests";

let h: Harness;
let actorId: string;

beforeAll(async () => {
  h = await startHarness("staff_requests");
  actorId = (await h.db.user.create({ data: { email: "admin@test.local", name: "Ada Admin", role: "admin" } })).id;
});

afterAll(() => h.close());

beforeEach(() => h.reset());

const deps = () => ({ db: h.db, client: h.client() });
const earning = (phoneNumber: string, orderNumber = `GW-${randomUUID().slice(0, 8)}`) =>
  manualEarningSchema.parse({
    reason: "goodwill",
    phoneNumber,
    orderNumber,
    totalPrice: "150",
    productName: "Late delivery apology",
  });

describe("manual earning (E1)", () => {
  it("creates the earning at Points, stores the order and puts the award on its timeline", async () => {
    const input = earning("0500000002");
    expect(input.phoneNumber).toBe("500000002");
    const result = await createManualEarning(deps(), actorId, input);
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/^Earning order created: [\d,]+ points/) });
    const uuid = (result as { orderUuid: string }).orderUuid;

    const [call] = await h.calls("POST", "/orders/earning$");
    expect(call!.body).toMatchObject({
      phone_number: "500000002",
      total_price: 150,
      order_number: input.orderNumber,
      products: [{ product_name: "Late delivery apology", product_price: 150, quantity: 1 }],
      metadata: { source: "points-ops", reason: "goodwill" },
    });
    expect(await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } })).toMatchObject({
      orderNumber: input.orderNumber,
      type: "earning",
      orderStatus: "approved",
    });
    const action = (
      await orderTimeline(h.db, await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } }))
    ).find((e) => e.kind === "action");
    expect(action).toMatchObject({
      action: "order.earning_created",
      actor: "Ada Admin <admin@test.local>",
      facts: { outcome: "succeeded", reason: "goodwill", phone: "5******02" },
    });
  });

  it("reports an earning Points queued for a customer who has not activated their account", async () => {
    const input = earning("500000004");
    const result = await createManualEarning(deps(), actorId, input);
    expect(result).toEqual({
      ok: true,
      message: expect.stringContaining("queued the earning"),
      notice: { key: "Orders.requests.earningQueued" },
    });
    const audit = await h.db.auditLog.findFirstOrThrow({ where: { target: orderNumberTarget(input.orderNumber) } });
    expect(audit.detail).toMatchObject({ outcome: "succeeded" });
  });

  it("shows Points' refusal and audits it as failed", async () => {
    const input = earning("500000003");
    const result = await createManualEarning(deps(), actorId, input);
    // Points' own words travel with the catalogue key, to be quoted in either language.
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining("للاسف ما عندك حساب في بوينتس"),
      notice: {
        key: "PointsErrors.validation",
        values: expect.objectContaining({ said: expect.stringContaining("للاسف ما عندك حساب في بوينتس") }),
      },
    });
    const audit = await h.db.auditLog.findFirstOrThrow({ where: { target: orderNumberTarget(input.orderNumber) } });
    expect(audit.detail).toMatchObject({ outcome: "failed" });
    expect(await h.db.order.count({ where: { orderNumber: input.orderNumber } })).toBe(0);
  });

  it("refuses a number that is not a Saudi mobile before calling Points", () => {
    const parsed = manualEarningSchema.safeParse({ ...earning("500000002"), phoneNumber: "0412345678" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("enter a Saudi mobile number, like 05XXXXXXXX");
  });
});

describe("payment link (E4)", () => {
  it("opens a checkout, answers its link, and the order's timeline shows it once Points sends the order", async () => {
    const orderNumber = `WA-${randomUUID().slice(0, 8)}`;
    const input = paymentLinkSchema.parse({
      orderNumber,
      totalPrice: "89.50",
      productName: "Abaya, size M",
      phoneNumber: "+966 55 000 1111",
      channel: "whatsapp",
    });
    const result = await createPaymentLink(deps(), actorId, input, "https://ops.example.com");
    expect(result).toMatchObject({ ok: true, checkoutUrl: expect.stringMatching(/\/session\/[\w-]+$/) });

    const [call] = await h.calls("POST", "/orders/checkout/");
    expect(call!.api_key_present).toBe(false);
    expect(call!.body).toMatchObject({
      total_price: 89.5,
      order_number: orderNumber,
      phone_number: "550001111",
      metadata: { source: "points-ops", channel: "whatsapp", customer_phone: "550001111" },
      callback_url: `https://ops.example.com/checkout/callback?order=${orderNumber}`,
    });

    // The shopper pays; the order reaches our store (here through a read, as a webhook would bring it).
    const { order } = await h.control<{ order: { uuid: string } }>(`/checkout/${orderNumber}/pay`, {});
    await applyOrderSnapshot(h.db, snapshotFromApi(await h.client().getOrder(order.uuid)));
    // The number went into the metadata Points echoes, so the order is found by it.
    expect((await h.db.order.findUniqueOrThrow({ where: { pointsUuid: order.uuid } })).phones).toEqual(["550001111"]);
    const action = (
      await orderTimeline(h.db, await h.db.order.findUniqueOrThrow({ where: { pointsUuid: order.uuid } }))
    ).find((e) => e.kind === "action");
    expect(action).toMatchObject({
      action: "order.payment_link_created",
      facts: { outcome: "succeeded", channel: "whatsapp", phone: "5******11" },
    });
  });

  it("shows Points' refusal when checkout is disabled for the merchant", async () => {
    await h.control("/capabilities", { checkout: false });
    const input = paymentLinkSchema.parse({
      orderNumber: `WA-${randomUUID().slice(0, 8)}`,
      totalPrice: "10",
      productName: "x",
      channel: "phone",
    });
    const result = await createPaymentLink(deps(), actorId, input, "https://ops.example.com");
    expect(result.ok).toBe(false);
    expect(result.message).not.toBe("");
  });
});
