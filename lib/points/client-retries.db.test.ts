// Retry and idempotency rules, with faults injected into the sandbox double.
// "Reached the double" counts come from its own call log (/__control/calls).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PointsApiError } from "./errors";
import { checkoutOrder, SAMPLE_EARNING, startHarness, type Harness } from "./test-helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("points_retries");
});
afterAll(() => h.close());
beforeEach(() => h.reset());

const fault = (rule: Record<string, unknown>) => h.control("/faults", rule);
const refundedTotal = async (uuid: string) => (await h.control(`/orders/${uuid}`)).order.refunded_total as number;

describe("safe to resend", () => {
  it("429 twice then success: retried with back-off, three attempts recorded", async () => {
    await fault({ status: 429, count: 2, paths: "^/orders/earning$" });
    const r = await h.client().createEarningOrder(SAMPLE_EARNING);
    expect(r).toMatchObject({ outcome: "applied", attempts: 3 });
    const rows = await h.db.pointsApiCall.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((x) => [x.attempt, x.status, x.errorKind])).toEqual([
      [1, 429, "busy"],
      [2, 429, "busy"],
      [3, 200, null],
    ]);
    expect(h.sleeps).toHaveLength(2);
    expect(h.sleeps[0]).toBeLessThanOrEqual(500);
    expect(h.sleeps[1]).toBeLessThanOrEqual(1000);
  });

  it("429 every time → busy after maxAttempts", async () => {
    await fault({ status: 429, count: 99, paths: "^/orders/earning$" });
    const e = await h
      .client()
      .createEarningOrder(SAMPLE_EARNING)
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(PointsApiError);
    expect(e).toMatchObject({ kind: "busy", message: "Points is busy (per-merchant lock); retried 4 times" });
    expect(await h.calls("POST", "^/orders/earning$")).toHaveLength(5);
  });

  it("honours Retry-After, and gives up when it asks for longer than maxDelayMs", async () => {
    // The double sends no Retry-After, so one is added to its real 429 answers.
    const withRetryAfter =
      (value: string): typeof fetch =>
      async (input, init) => {
        const res = await fetch(input, init);
        if (res.status !== 429) return res;
        return new Response(await res.text(), {
          status: 429,
          headers: { "content-type": "application/json", "retry-after": value },
        });
      };
    await fault({ status: 429, count: 2, paths: "^/orders/earning$" });
    expect(await h.client({ fetch: withRetryAfter("2") }).createEarningOrder(SAMPLE_EARNING)).toMatchObject({
      outcome: "applied",
    });
    expect(h.sleeps).toEqual([2000, 2000]);

    await fault({ status: 429, count: 1, paths: "^/orders/earning$" });
    const e = h
      .client({ fetch: withRetryAfter("60") })
      .createEarningOrder({ ...SAMPLE_EARNING, order_number: "OTHER" });
    await expect(e).rejects.toMatchObject({ kind: "busy" });
    expect(h.sleeps).toEqual([2000, 2000]);
  });

  it("500 on a GET is retried", async () => {
    const uuid = await checkoutOrder(h, "R-1");
    await fault({ status: 500, count: 2, method: "GET", paths: "^/orders/" });
    expect(await h.client().getOrder(uuid)).toMatchObject({ uuid, order_status: "approved" });
    const rows = await h.db.pointsApiCall.findMany({ where: { method: "GET" }, orderBy: { id: "asc" } });
    expect(rows.map((x) => x.status)).toEqual([500, 500, 200]);
  });

  it("503 before a capture proves nothing happened: re-read, then resent", async () => {
    const uuid = await checkoutOrder(h, "R-2", "authorize");
    await fault({ status: 503, paths: "/capture$" });
    expect(await h.client().capture(uuid)).toMatchObject({
      outcome: "applied",
      attempts: 2,
      data: { order_status: "captured" },
    });
    expect(await h.calls("POST", "/capture$")).toHaveLength(2);
  });
});

describe("refunds are never resent blindly", () => {
  it("500 after the refund applied → re-read shows it → already_applied, one POST", async () => {
    const uuid = await checkoutOrder(h, "R-3");
    await fault({ status: 500, paths: "/refund$", phase: "after" });
    const r = await h.client().refund(uuid, { amount: 50, reason: "damaged" });
    expect(r).toMatchObject({ outcome: "already_applied", data: { uuid, order_status: "partially_refunded" } });
    expect(await h.calls("POST", "/refund$")).toHaveLength(1);
    expect(await refundedTotal(uuid)).toBe(50);
  });

  it("500 before the refund applied → re-read shows nothing changed → resent once", async () => {
    const uuid = await checkoutOrder(h, "R-4");
    await fault({ status: 500, paths: "/refund$" });
    const r = await h.client().refund(uuid, { amount: 50, reason: "damaged" });
    expect(r).toMatchObject({ outcome: "applied", attempts: 2, data: { order_status: "partially_refunded" } });
    expect(await h.calls("POST", "/refund$")).toHaveLength(2);
    expect(await refundedTotal(uuid)).toBe(50);
  });

  it("a second partial refund lost after applying cannot be told from other changes → unknown", async () => {
    const uuid = await checkoutOrder(h, "R-5");
    await h.client().refund(uuid, { amount: 20 });
    await fault({ status: 500, paths: "/refund$", phase: "after" });
    const r = await h.client().refund(uuid, { amount: 30 });
    expect(r).toMatchObject({ outcome: "unknown", error: { kind: "server" } });
    if (r.outcome === "unknown")
      expect(r.message).toMatch(/order is now partially_refunded, which does not show whether the refund took effect/);
    expect(await h.calls("POST", "/refund$")).toHaveLength(2);
  });
});

describe("lost answers on other actions", () => {
  it("timeout on cancel → the late cancel lands → re-read says already applied, one POST", async () => {
    const uuid = await checkoutOrder(h, "R-6");
    await fault({ delayMs: 500, count: 1, method: "POST", paths: "/cancel$" });
    const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const client = h.client({ timeoutMs: 300, retry: { baseDelayMs: 200 }, sleep: realSleep });
    const r = await client.cancel(uuid, { reason: "customer called" });
    expect(r).toMatchObject({ outcome: "already_applied", attempts: 1, data: { order_status: "cancelled" } });
    expect(await h.calls("POST", "/cancel$")).toHaveLength(1);
    const post = await h.db.pointsApiCall.findFirstOrThrow({
      where: { method: "POST", path: { endsWith: "/cancel" } },
    });
    expect(post).toMatchObject({
      ok: false,
      errorKind: "timeout",
      status: null,
      errorMessage: "Points did not answer within 0.3 s",
      // kept by key too, so the order timeline words it in the reader's language
      errorNotice: { key: "PointsErrors.timeout", values: { seconds: 0.3 } },
    });
  });

  it("504 and the order never changes → unknown, not resent (it might still land)", async () => {
    const uuid = await checkoutOrder(h, "R-7");
    await fault({ status: 504, paths: "/cancel$" });
    const r = await h.client().cancel(uuid, { reason: "r" });
    expect(r).toMatchObject({ outcome: "unknown", error: { kind: "server", status: 504 } });
    expect(await h.calls("POST", "/cancel$")).toHaveLength(1);
    expect(h.sleeps).toEqual([500, 1000, 2000]);
  });

  it("the re-read fails too → unknown", async () => {
    const uuid = await checkoutOrder(h, "R-8");
    await fault({
      rules: [
        { status: 500, paths: "/cancel$" },
        { status: 500, count: 99, method: "GET", paths: "^/orders/" },
      ],
    });
    const r = await h.client({ retry: { maxAttempts: 2 } }).cancel(uuid, { reason: "r" });
    expect(r).toMatchObject({ outcome: "unknown" });
    if (r.outcome === "unknown")
      expect(r.message).toMatch(
        /re-reading the order failed too \(Points had a server error \(HTTP 500\); retried 1 time\)/,
      );
    expect(await h.calls("POST", "/cancel$")).toHaveLength(1);
  });

  it("a lost earning cannot be looked up → unknown, sent once", async () => {
    await fault({ status: 500, paths: "^/orders/earning$", phase: "after" });
    const r = await h.client().createEarningOrder(SAMPLE_EARNING);
    expect(r).toMatchObject({ outcome: "unknown", error: { kind: "server", status: 500 } });
    if (r.outcome === "unknown") expect(r.message).toMatch(/wait for its webhook or check in Points/);
    expect(await h.calls("POST", "^/orders/earning$")).toHaveLength(1);
  });
});
