// Failures mapped to words a person can act on, against the sandbox double.
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PointsApiError } from "./errors";
import { checkoutOrder, startHarness, type Harness } from "./test-helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("points_errors");
});
afterAll(() => h.close());
beforeEach(() => h.reset());

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function failure(p: Promise<unknown>): Promise<PointsApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PointsApiError);
  return e as PointsApiError;
}

describe("error mapping", () => {
  it("400 invalid key → rotate message, without the key and without retrying", async () => {
    const key = "wrong-private-key-123";
    const e = await failure(h.client({ privateKey: key }).getOrder(crypto.randomUUID()));
    expect(e).toMatchObject({ kind: "invalid_key", status: 400 });
    expect(e.message).toBe(
      "API key rejected: check or rotate POINTS_PRIVATE_KEY (Points said: Invalid or inactive API key)",
    );
    expect(e.message).not.toContain(key);
    expect(h.sleeps).toEqual([]);
  });

  it("400 on checkout names the public key", async () => {
    const e = await failure(
      h
        .client({ publicKey: "old-public" })
        .beginCheckout({ total_price: 1, order_number: "X", callback_url: "https://s.test/" }),
    );
    expect(e.message).toMatch(/^API key rejected: check or rotate POINTS_PUBLIC_KEY/);
  });

  it("403 → capability disabled, with Points' own words", async () => {
    const uuid = await checkoutOrder(h, "E-1");
    await h.control("/capabilities", { refunds: false });
    const e = await failure(h.client().refund(uuid, { reason: "test" }));
    expect(e).toMatchObject({ kind: "capability_disabled", status: 403 });
    expect(e.message).toBe(
      "This capability is disabled for your merchant in Points (Refunds is not enabled or not funded for this merchant.)",
    );
    expect(await h.calls("POST", "/refund$")).toHaveLength(1);
  });

  it("422 on an empty shipping body → Points' validation message and field errors", async () => {
    const uuid = await checkoutOrder(h, "E-2");
    const e = await failure(h.client().updateShippingStatus(uuid, {} as never));
    expect(e).toMatchObject({
      kind: "validation",
      status: 422,
      fieldErrors: { status: ["At least one of status, name_ar or name_en is required."] },
    });
    expect(e.message).toBe("At least one of status, name_ar or name_en is required.");
    expect(h.sleeps).toEqual([]);
  });

  it("422 lists the other field errors after the main message", async () => {
    const r = h.client().createEarningOrder({ phone_number: "12", total_price: -1, order_number: "N", products: [] });
    const e = await failure(r);
    expect(e.kind).toBe("validation");
    expect(e.message).toMatch(/^The phone number format is invalid\. \(total_price: .+; products: .+\)$/);
  });

  it("a refused state change is thrown, not retried", async () => {
    const uuid = await checkoutOrder(h, "E-3");
    await h.client().cancel(uuid, { reason: "first" });
    const e = await failure(h.client().cancel(uuid, { reason: "again" }));
    expect(e).toMatchObject({
      kind: "validation",
      message: "Order cannot be cancelled while its status is cancelled.",
    });
    expect(await h.calls("POST", "/cancel$")).toHaveLength(2);
  });

  it("404 → not found in words", async () => {
    const e = await failure(h.client().getOrder(crypto.randomUUID()));
    expect(e).toMatchObject({ kind: "not_found", status: 404 });
    expect(e.message).toMatch(/^Points does not know this order/);
  });

  it("a GET timeout → timeout after the retries", async () => {
    const uuid = await checkoutOrder(h, "E-4");
    await h.control("/faults", { delayMs: 400, paths: "^/orders/[^/]+$", method: "GET" });
    const e = await failure(h.client({ timeoutMs: 150, retry: { maxAttempts: 2 } }).getOrder(uuid));
    expect(e).toMatchObject({
      kind: "timeout",
      status: null,
      message: "Points did not answer within 0.15 s; retried 1 time",
    });
  });

  it("connection refused is safe to resend, even for a refund", async () => {
    const client = h.client({ baseUrl: `http://127.0.0.1:${await closedPort()}/api/v1`, retry: { maxAttempts: 3 } });
    const before = {
      uuid: crypto.randomUUID(),
      order_number: "N",
      order_status: "approved",
      type: 2 as const,
      total_price: 1,
      total_points: 1,
      updated_at: new Date().toISOString(),
    };
    const e = await failure(client.refund(before.uuid, { reason: "r" }, { before }));
    expect(e.kind).toBe("network");
    expect(e.message).toMatch(/^Could not reach Points \(ECONNREFUSED\).*; retried 2 times$/);
    expect(await h.db.pointsApiCall.count({ where: { path: { endsWith: "/refund" } } })).toBe(3);
  });
});

describe("responses that do not match the schema", () => {
  it("no envelope → invalid_response, recorded, not retried", async () => {
    const uuid = await checkoutOrder(h, "E-5");
    // The double's control API answers {order: …}: real HTTP, wrong shape.
    const e = await failure(h.client({ baseUrl: `${h.sim.url}/__control` }).getOrder(uuid));
    expect(e).toMatchObject({ kind: "invalid_response", status: 200 });
    expect(e.message).toMatch(/^Points answered in an unexpected format \(HTTP 200: status: /);
    const row = await h.db.pointsApiCall.findFirstOrThrow({ where: { method: "GET" } });
    expect(row).toMatchObject({ ok: false, errorKind: "invalid_response", status: 200, attempt: 1 });
  });

  it("an order without uuid inside a good envelope → invalid_response naming the field", async () => {
    const broken: typeof fetch = async () =>
      new Response(JSON.stringify({ status: true, message: "", appended_data: {}, data: { order_status: "new" } }), {
        status: 200,
      });
    const e = await failure(h.client({ fetch: broken }).getOrder(crypto.randomUUID()));
    expect(e.message).toMatch(/HTTP 200: data\.uuid: /);
  });

  it("an unreadable answer to a cancel is judged by re-reading the order", async () => {
    const uuid = await checkoutOrder(h, "E-6");
    const garbleCancel: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      return String(input).endsWith("/cancel") ? new Response("<html>oops</html>", { status: 200 }) : res;
    };
    const r = await h.client({ fetch: garbleCancel }).cancel(uuid, { reason: "r" });
    expect(r).toMatchObject({ outcome: "already_applied", data: { order_status: "cancelled" } });
    expect(await h.calls("POST", "/cancel$")).toHaveLength(1);
  });
});
