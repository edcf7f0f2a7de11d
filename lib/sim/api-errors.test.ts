import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSim, type SimServer } from "./server";
import { call, SAMPLE_EARNING } from "./test-helpers";

let sim: SimServer;
const KEY = "points-demo-private-key";
const control = (path: string, body?: unknown) =>
  call(`${sim.url}/__control${path}`, { method: body === undefined ? "GET" : "POST", body });

beforeAll(async () => {
  sim = await startSim({ port: 0 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe("authentication (§1.2)", () => {
  it("answers 400 'API key is required' without x-api-key", async () => {
    const r = await call(`${sim.apiBaseUrl}/orders/earning`, { body: SAMPLE_EARNING });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ status: false, message: "API key is required", appended_data: {} });
  });

  it("answers 400 'Invalid or inactive API key' for a wrong key, a revoked key and an inactive integration", async () => {
    const wrong = await call(`${sim.apiBaseUrl}/orders/earning`, { key: "nope", body: SAMPLE_EARNING });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe("Invalid or inactive API key");

    const off = await call(`${sim.apiBaseUrl}/integration/status`, { key: KEY, body: { active: false } });
    expect(off.body).toEqual({
      data: { active: false },
      status: true,
      message: "Integration status updated",
      appended_data: [],
    });
    const inactive = await call(`${sim.apiBaseUrl}/webhooks`, { key: KEY });
    expect(inactive.status).toBe(400);
    expect(inactive.body.message).toBe("Invalid or inactive API key");
    expect((await call(`${sim.apiBaseUrl}/integration/status`, { key: KEY, body: { active: true } })).status).toBe(200);
    expect((await call(`${sim.apiBaseUrl}/webhooks`, { key: KEY })).status).toBe(200);

    await control("/merchant", { privateKey: "rotated-key" });
    expect((await call(`${sim.apiBaseUrl}/webhooks`, { key: KEY })).status).toBe(400);
    expect((await call(`${sim.apiBaseUrl}/webhooks`, { key: "rotated-key" })).status).toBe(200);
  });

  it("authenticates checkout by the public key in the path only", async () => {
    const bad = await call(`${sim.apiBaseUrl}/orders/checkout/wrong`, {
      body: { total_price: 10, order_number: "C-1" },
    });
    expect(bad.status).toBe(400);
    const good = await call(`${sim.apiBaseUrl}/orders/checkout/${sim.publicKey}`, {
      body: { total_price: 10, order_number: "#C-1" },
    });
    expect(good.status).toBe(200);
    expect(Object.keys(good.body.data)).toEqual(["checkout_url"]);
    const calls = (await control("/calls?path=checkout")).body.calls;
    expect(calls.at(-1).api_key_present).toBe(false);
  });
});

describe("capabilities (403) and validation (422)", () => {
  it("answers 403 when a capability is switched off", async () => {
    await control("/capabilities", { earning: false });
    const r = await call(`${sim.apiBaseUrl}/orders/earning`, { key: KEY, body: SAMPLE_EARNING });
    expect(r.status).toBe(403);
    expect(r.body.status).toBe(false);
    expect(r.body.appended_data).toEqual({ capability: "earning" });
  });

  it("answers 422 for an empty shipping-status body, with field errors", async () => {
    const order = (await call(`${sim.apiBaseUrl}/orders/earning`, { key: KEY, body: SAMPLE_EARNING })).body.data;
    const r = await call(`${sim.apiBaseUrl}/orders/${order.uuid}/status`, { key: KEY, body: {} });
    expect(r.status).toBe(422);
    expect(r.body.message).toMatch(/At least one of status, name_ar or name_en/);
    expect(r.body.appended_data.errors.status).toBeDefined();
    const long = await call(`${sim.apiBaseUrl}/orders/${order.uuid}/status`, {
      key: KEY,
      body: { name_ar: "x".repeat(121) },
    });
    expect(long.status).toBe(422);
    const badEnum = await call(`${sim.apiBaseUrl}/orders/${order.uuid}/status`, { key: KEY, body: { status: "lost" } });
    expect(badEnum.status).toBe(422);
  });

  it("answers 422 for a duplicate order_number and for a bad phone; normalises phone formats", async () => {
    expect((await call(`${sim.apiBaseUrl}/orders/earning`, { key: KEY, body: SAMPLE_EARNING })).status).toBe(200);
    const dup = await call(`${sim.apiBaseUrl}/orders/earning`, { key: KEY, body: SAMPLE_EARNING });
    expect(dup.status).toBe(422);
    expect(dup.body.appended_data.errors.order_number).toHaveLength(1);
    for (const [i, phone] of ["+966512345678", "00966512345678", "966512345678", "0512345678", "512345678"].entries()) {
      const r = await call(`${sim.apiBaseUrl}/orders/earning`, {
        key: KEY,
        body: { ...SAMPLE_EARNING, phone_number: phone, order_number: `P-${i}` },
      });
      expect(r.status).toBe(200);
    }
    const orders = (await control("/orders")).body.orders as Array<{ phone_number: string }>;
    expect(new Set(orders.map((o) => o.phone_number))).toEqual(new Set(["512345678"]));
    const bad = await call(`${sim.apiBaseUrl}/orders/earning`, {
      key: KEY,
      body: { ...SAMPLE_EARNING, phone_number: "0412345678", order_number: "P-x" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.appended_data.errors.phone_number).toBeDefined();
  });

  it("answers 404 for an unknown uuid", async () => {
    const r = await call(`${sim.apiBaseUrl}/orders/00000000-0000-4000-8000-000000000000`, { key: KEY });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ status: false, message: "Order not found", appended_data: {} });
  });
});

describe("fault injection and the merchant lock (429)", () => {
  it("answers the next N matching calls with the injected status", async () => {
    await control("/faults", { status: 429, count: 2, paths: "^/orders/earning$" });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await call(`${sim.apiBaseUrl}/orders/earning`, { key: KEY, body: SAMPLE_EARNING })).status);
    }
    expect(statuses).toEqual([429, 429, 200]);
    const calls = (await control("/calls?method=POST&path=earning")).body.calls;
    expect(calls.map((c: { fault: number | null }) => c.fault)).toEqual([429, 429, null]);
    expect((await control("/orders")).body.orders).toHaveLength(1);
  });

  it("phase 'after' performs the action and still answers the fault (lost response)", async () => {
    await control("/faults", { status: 503, paths: "earning", phase: "after" });
    const r = await call(`${sim.apiBaseUrl}/orders/earning`, { key: KEY, body: SAMPLE_EARNING });
    expect(r.status).toBe(503);
    expect((await control(`/orders/by-number/${SAMPLE_EARNING.order_number}`)).status).toBe(200);
  });

  it("delays matching calls", async () => {
    await control("/faults", { delayMs: 300, paths: "^/webhooks$" });
    const t0 = Date.now();
    expect((await call(`${sim.apiBaseUrl}/webhooks`, { key: KEY })).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    await control("/faults", { reset: true });
    expect((await control("/faults")).body.faults).toEqual([]);
  });

  it("sends Retry-After with an injected status when asked, on the given share of calls", async () => {
    await control("/faults", { status: 429, rate: 1, retryAfter: 3, method: "GET", paths: "^/webhooks$" });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${sim.apiBaseUrl}/webhooks`, { headers: { "x-api-key": KEY } });
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("3");
    }
    await control("/faults", { reset: true });
    await control("/faults", { status: 429, rate: 0, method: "GET", paths: "^/webhooks$" });
    expect((await call(`${sim.apiBaseUrl}/webhooks`, { key: KEY })).status).toBe(200);
    expect((await control("/faults", { status: 429, rate: 1.5 })).status).toBe(400);
  });

  it("answers 429 for overlapping earning calls and for a re-send inside the lock window", async () => {
    await control("/merchant", { lockHoldMs: 200, lockWindowMs: 5000 });
    const [a, b] = await Promise.all([
      call(`${sim.apiBaseUrl}/orders/earning`, { key: KEY, body: SAMPLE_EARNING }),
      call(`${sim.apiBaseUrl}/orders/earning`, { key: KEY, body: { ...SAMPLE_EARNING, order_number: "OTHER" } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 429]);
    const again = await call(`${sim.apiBaseUrl}/orders/earning`, { key: KEY, body: SAMPLE_EARNING });
    expect(again.status).toBe(a.status === 200 ? 429 : 200);
  });
});
