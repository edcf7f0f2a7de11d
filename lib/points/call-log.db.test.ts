// The points_api_calls rows: one per attempt, linked, and with nothing secret in them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/prisma";
import { checkoutOrder, SAMPLE_EARNING, startHarness, type Harness } from "./test-helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("points_call_log");
});
afterAll(() => h.close());
beforeEach(() => h.reset());

const allRowsAsText = async () =>
  (await h.db.$queryRaw<Array<{ row: string }>>`SELECT c::text AS row FROM points_api_calls c`)
    .map((r) => r.row)
    .join("\n");

describe("call log", () => {
  it("never stores the private key, a phone number, an address or a webhook secret", async () => {
    const client = h.client();
    const intentId = crypto.randomUUID();
    await client.createEarningOrder(
      { ...SAMPLE_EARNING, shipping_address: { city: "Riyadh", line1: "King Fahd Rd 12" } },
      { intentId },
    );
    const hook = await client.createWebhook({ name: "ops", url: "https://ops.test/hook" });
    if (hook.outcome === "unknown") throw hook.error;
    const uuid = await checkoutOrder(h, "LOG-1");
    await client.refund(uuid, { reason: "test" }, { intentId });
    await h
      .client({ privateKey: "a-rotated-out-key" })
      .getOrder(uuid)
      .catch(() => {});

    const text = await allRowsAsText();
    for (const secret of [
      h.sim.privateKey,
      "a-rotated-out-key",
      hook.data.secret!,
      "0512345678",
      "512345678",
      "0500000001",
      "King Fahd",
    ]) {
      expect(text).not.toContain(secret);
    }

    const earning = await h.db.pointsApiCall.findFirstOrThrow({ where: { path: "/orders/earning" } });
    expect(earning).toMatchObject({ method: "POST", status: 200, ok: true, attempt: 1, intentId, orderUuid: null });
    expect(earning.requestBody).toMatchObject({
      phone_number: "0*******78",
      shipping_address: "[redacted]",
      order_number: SAMPLE_EARNING.order_number,
    });
    expect(earning.latencyMs).toBeGreaterThan(0);
    const created = await h.db.pointsApiCall.findFirstOrThrow({ where: { path: "/webhooks" } });
    expect(created.responseBody).toMatchObject({ data: { secret: "[redacted]", uuid: hook.data.uuid } });
    expect(await h.db.pointsApiCall.count({ where: { orderUuid: uuid, intentId } })).toBe(2);
  });

  it("scrubs a key that Points echoes back in an error", async () => {
    const echo: typeof fetch = async () =>
      new Response(
        JSON.stringify({ status: false, message: `key ${h.sim.privateKey} is not valid`, appended_data: {} }),
        { status: 422 },
      );
    const e = await h
      .client({ fetch: echo })
      .getOrder(crypto.randomUUID())
      .catch((err: Error) => err);
    expect(e.message).toBe("key [redacted] is not valid");
    const row = await h.db.pointsApiCall.findFirstOrThrow();
    expect(row.errorMessage).toBe("key [redacted] is not valid");
    expect(row.responseBody).toMatchObject({ message: "key [redacted] is not valid" });
  });

  it("a call log that cannot be written does not fail the call", async () => {
    const brokenDb = createDb("postgresql://nobody:nothing@127.0.0.1:9/none");
    const uuid = await checkoutOrder(h, "LOG-2");
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(await h.client({ db: brokenDb }).getOrder(uuid)).toMatchObject({ uuid });
    } finally {
      console.error = quiet;
      await brokenDb.$disconnect();
    }
  });
});
