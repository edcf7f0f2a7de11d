import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSim, type SimServer } from "./server";
import { call, SAMPLE_EARNING, startReceiver, type Receiver } from "./test-helpers";

let sim: SimServer;
let hook: Receiver;
const KEY = "points-demo-private-key";
const control = (path: string, body?: unknown) =>
  call(`${sim.url}/__control${path}`, { method: body === undefined ? "GET" : "POST", body });
const earn = (n: string | number) =>
  call(`${sim.apiBaseUrl}/orders/earning`, { key: KEY, body: { ...SAMPLE_EARNING, order_number: `W-${n}` } });

beforeAll(async () => {
  hook = await startReceiver();
  sim = await startSim({ port: 0, webhookUrls: [hook.url], delivery: { retryDelaysMs: [30, 30] } });
});
afterAll(async () => {
  await sim.close();
  await hook.close();
});
beforeEach(() => {
  sim.reset();
  hook.received.length = 0;
  hook.respond = () => 200;
});

describe("webhook delivery (§4.5)", () => {
  it("retries a 500 twice and succeeds on the 3rd attempt", async () => {
    hook.respond = (n) => (n <= 2 ? 500 : 200);
    await earn(1);
    await sim.waitForIdle();
    expect(hook.received).toHaveLength(3);
    expect(new Set(hook.received.map((r) => r.raw)).size).toBe(1);
    const [d] = (await control("/deliveries")).body.deliveries;
    expect(d.state).toBe("succeeded");
    expect(d.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 200]);
    expect(d.payload.event).toBe("approved");
  });

  it("gives up after 3 attempts (4xx retried too) and on a refused connection", async () => {
    hook.respond = () => 401;
    await earn(1);
    await sim.waitForIdle();
    expect(hook.received).toHaveLength(3);
    await control("/webhooks/endpoints", { url: "http://127.0.0.1:1/closed" });
    hook.respond = () => 200;
    await earn(2);
    await sim.waitForIdle();
    const deliveries = (await control("/deliveries")).body.deliveries;
    expect(deliveries.map((d: { state: string }) => d.state)).toEqual(["failed", "succeeded", "failed"]);
    expect(deliveries[2].attempts).toHaveLength(3);
    expect(deliveries[2].attempts[0].error).toBe("ECONNREFUSED");
  });

  it("times out a receiver that never answers, per attempt", async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      await control("/webhooks/config", { timeoutMs: 100, retryDelaysMs: [10] });
      await control("/webhooks/endpoints", { url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook` });
      await earn(1);
      await sim.waitForIdle();
      const [ok, slow] = (await control("/deliveries")).body.deliveries;
      expect(ok.state).toBe("succeeded");
      expect(slow.state).toBe("failed");
      expect(slow.attempts.map((a: { error: string }) => a.error)).toEqual(["timeout", "timeout"]);
      expect(slow.attempts[0].duration_ms).toBeGreaterThanOrEqual(95);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("duplicates switch sends every delivery twice", async () => {
    await control("/webhooks/config", { duplicates: true });
    await earn(1);
    await sim.waitForIdle();
    expect(hook.received).toHaveLength(2);
    expect(hook.received[0]!.raw).toBe(hook.received[1]!.raw);
    const ds = (await control("/deliveries")).body.deliveries;
    expect(ds[1].duplicate_of).toBe(ds[0].id);
  });

  it("shuffle switch sends buffered deliveries in random order", async () => {
    // A window far longer than eight earns take, even on a loaded machine, so all eight are buffered together.
    await control("/webhooks/config", { shuffle: true, shuffleWindowMs: 3_000 });
    for (let i = 0; i < 8; i++) await earn(i);
    expect(hook.received).toHaveLength(0);
    await sim.waitForIdle();
    expect(hook.received).toHaveLength(8);
    const ds = (await control("/deliveries")).body.deliveries as Array<{ seq: number; send_seq: number }>;
    expect(ds.map((d) => d.send_seq)).not.toEqual(ds.map((d) => d.seq));
    expect(new Set(hook.received.map((r) => r.body.order.order_number)).size).toBe(8);
  });

  it("pause holds deliveries and resume sends them; delayMs waits first", async () => {
    await control("/webhooks/config", { paused: true });
    await earn(1);
    await sim.waitForIdle();
    expect(hook.received).toHaveLength(0);
    expect((await control("/deliveries?state=held")).body.deliveries).toHaveLength(1);
    await control("/webhooks/config", { paused: false, delayMs: 150 });
    const t0 = Date.now();
    await call(`${sim.url}/__control/idle`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(hook.received).toHaveLength(1);
  });

  it("replay re-sends the same body as a new delivery", async () => {
    await earn(1);
    await sim.waitForIdle();
    const [orig] = (await control("/deliveries")).body.deliveries;
    const rep = await control(`/deliveries/${orig.id}/replay`, {});
    expect(rep.status).toBe(201);
    expect(rep.body.delivery.replay_of).toBe(orig.id);
    await sim.waitForIdle();
    expect(hook.received).toHaveLength(2);
    expect(hook.received[1]!.raw).toBe(hook.received[0]!.raw);
    expect(hook.received[1]!.headers["x-webhook-event"]).toBe("approved");
    expect((await control("/deliveries/dlv_999999/replay", {})).status).toBe(404);
  });

  it("sends each endpoint its own secret", async () => {
    const second = await startReceiver();
    try {
      await control("/webhooks/endpoints", { url: second.url, secret: "second-secret" });
      await earn(1);
      await sim.waitForIdle();
      expect(hook.received[0]!.headers["x-webhook-secret"]).toBe("points-demo-webhook-secret");
      expect(second.received[0]!.headers["x-webhook-secret"]).toBe("second-secret");
    } finally {
      await second.close();
    }
  });
});
