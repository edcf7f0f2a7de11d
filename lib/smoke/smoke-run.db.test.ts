// Smoke runs against the sandbox double and a real PostgreSQL, with the app's
// receiver and queue processing on a real local port, as `npm run smoke` and
// the Go-live button run them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { endpointSecretBox, readStoredSecrets } from "@/lib/webhooks/endpoint-secrets";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { startAppReceiver, type AppReceiver } from "@/lib/testing/app-receiver";
import { createAcceptedSecrets, type AcceptedSecrets } from "@/lib/webhooks/accepted-secrets";
import { executeSmokeRun, type StepEvent } from "./execute-smoke-run";
import { loadRefundPosition } from "@/lib/refunds/refund-ledger";
import { translator } from "@/lib/i18n/message";
import { LOCALES } from "@/lib/i18n/locales";
import { getSmokeRun, type SmokeStepView } from "./read-smoke-runs";
import type { SmokeDeps } from "./smoke-flow";
import { STALE_RUN_MS, startSmokeRun } from "./start-smoke-run";

const AUTH_SECRET = "smoke-test-auth-secret-0123456789abcdef";
const MAIN_SECRET = "main-endpoint-secret";
let h: Harness;
let receiver: AppReceiver;
let accepted: AcceptedSecrets;
let admin: { id: string };

const acceptedList = (minReloadIntervalMs: number) =>
  createAcceptedSecrets({
    configured: [MAIN_SECRET],
    loadStored: async () => (await readStoredSecrets(h.db, endpointSecretBox(AUTH_SECRET))).secrets,
    minReloadIntervalMs,
  });

function deps(patch: Partial<SmokeDeps> = {}): SmokeDeps {
  return {
    db: h.db,
    client: h.client(),
    authSecret: AUTH_SECRET,
    accepted,
    receiverUrl: receiver.url,
    appUrl: receiver.origin,
    phoneNumber: "500000002",
    actor: admin,
    waitTimeoutMs: 10_000,
    pollMs: 50,
    ...patch,
  };
}

async function run(d: SmokeDeps = deps()) {
  const started = await startSmokeRun(h.db, { trigger: "cli", environment: "sandbox (test)", startedById: admin.id });
  if (!started.ok) throw new Error(started.message);
  const events: StepEvent[] = [];
  const status = await executeSmokeRun(d, started.runId, (e) => events.push(e));
  return { status, events, view: (await getSmokeRun(h.db, started.runId))! };
}

/** Every step's stored notice, each sentence of it, is worded by both catalogues with the values stored. */
function expectWordedInEveryLanguage(steps: SmokeStepView[]) {
  for (const step of steps) {
    expect(step.detailNotice, `${step.flow} has a notice`).not.toBeNull();
    const { then, ...head } = step.detailNotice!;
    for (const sentence of [head, ...(then ?? [])]) {
      const [namespace, ...key] = sentence.key.split(".");
      const worded = LOCALES.map((locale) =>
        translator(locale, namespace!)({ key: key.join("."), values: sentence.values }),
      );
      for (const text of worded) expect(text, `${step.flow}: ${sentence.key}`).not.toMatch(/[{}]|^$/);
      expect(new Set(worded).size, `${sentence.key} differs by language`).toBe(LOCALES.length);
    }
  }
}

beforeAll(async () => {
  h = await startHarness("smoke_run");
  admin = await h.db.user.create({
    data: { email: "ops@example.com", name: "Olivia Ops", role: "ops" },
    select: { id: true },
  });
});
afterAll(async () => {
  await receiver?.close();
  await h.close();
});
beforeEach(async () => {
  await receiver?.close();
  await h.reset();
  await h.db.$executeRawUnsafe(
    "TRUNCATE smoke_runs, smoke_steps, webhook_endpoint_secrets, webhook_deliveries, verification_failures, audit_log, orders, action_intents CASCADE",
  );
  accepted = acceptedList(5_000);
  receiver = await startAppReceiver({ databaseUrl: h.databaseUrl, db: h.db, secrets: accepted });
  // The merchant's own endpoint, as in `npm start`: every event reaches us twice during the webhook flow.
  h.sim.state.endpoints.create({ name: "main", url: receiver.url, secret: MAIN_SECRET });
});

describe("smoke run", () => {
  it("passes every flow end to end and leaves no endpoint or secret behind", async () => {
    const { status, events, view } = await run();
    expect(view.steps.map((s) => [s.flow, s.status])).toEqual([
      ["earning_order", "passed"],
      ["checkout_session", "passed"],
      ["webhook", "passed"],
      ["refund", "passed"],
      ["cancel", "passed"],
      ["shipping", "passed"],
    ]);
    expect(status).toBe("passed");
    expect(view).toMatchObject({ status: "passed", finishedAt: expect.any(String), startedBy: "Olivia Ops" });
    expect(view.steps.every((s) => s.durationMs !== null && s.durationMs > 0)).toBe(true);
    expect(events.map((e) => `${e.flow}:${e.status}`).slice(0, 2)).toEqual([
      "earning_order:running",
      "earning_order:passed",
    ]);

    const [earning, , webhook, refund, cancel, shipping] = view.steps;
    expect(earning!.detail).toMatch(
      /^Points approved earning order SMOKE-\w+-E \(100 SAR\); its webhook reached our order store after \d+\.\d s\.$/,
    );
    expect(webhook!.detail).toMatch(
      /verified, stored and processed after \d+\.\d s\. The temporary endpoint and its secret are deleted again\.$/,
    );
    expect(refund!.detail).toMatch(/^Refunded 10 SAR of 100 SAR of SMOKE-\w+-E/);
    expect(cancel!.detail).toMatch(/^Cancelled SMOKE-\w+-W/);
    expect(shipping!.detail).toMatch(/shipping status of SMOKE-\w+-E to delivered/);
    // The same by key for the page: the values it words, the sentence that follows (the endpoint's cleanup).
    expect(earning!.detailNotice).toEqual({
      key: "GoLive.smoke.details.earningPassed",
      values: { orderNumber: expect.stringMatching(/^SMOKE-\w+-E$/), amount: 100, seconds: expect.any(Number) },
    });
    expect(webhook!.detailNotice).toMatchObject({
      key: "GoLive.smoke.details.webhookVerified",
      values: { event: "approved", orderNumber: expect.stringMatching(/^SMOKE-\w+-W$/) },
      then: [{ key: "GoLive.smoke.details.endpointDeleted", values: {} }],
    });
    expectWordedInEveryLanguage(view.steps);

    // Our order store followed Points.
    const orders = await h.db.order.findMany({ orderBy: { orderNumber: "asc" } });
    const refunded = await Promise.all(orders.map(async (o) => (await loadRefundPosition(h.db, o)).refunded));
    expect(orders.map((o, i) => [o.orderNumber.slice(-1), o.orderStatus, o.shippingStatus, refunded[i]])).toEqual([
      ["E", "partially_refunded", "delivered", 10],
      ["W", "cancelled", null, 0],
    ]);
    // The temporary endpoint is gone at Points and here; the main endpoint is untouched.
    expect(h.sim.state.endpoints.list().map((e) => e.name)).toEqual(["main"]);
    expect(await h.db.webhookEndpointSecret.count()).toBe(0);
    expect(await h.db.verificationFailure.count()).toBe(0);
    // The temporary endpoint's own copy was delivered with its own secret, and accepted.
    const tempDeliveries = h.sim.state.delivery.list().filter((d) => d.url.includes("smoke="));
    expect(tempDeliveries.length).toBeGreaterThan(0);
    expect(tempDeliveries.every((d) => d.state === "succeeded" && d.secret !== MAIN_SECRET)).toBe(true);
    expect((await h.db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action)).toEqual([
      "webhook_endpoint.create",
      "webhook_endpoint.delete",
    ]);
    // The checkout session used the public key only.
    expect(await h.calls("POST", "/orders/checkout/")).toMatchObject([{ api_key_present: false, status: 200 }]);
  });

  it("passes when the receiver runs in another process, which picks the temporary secret up on its first miss", async () => {
    await receiver.close();
    receiver = await startAppReceiver({ databaseUrl: h.databaseUrl, db: h.db, secrets: acceptedList(5_000) });
    h.sim.state.endpoints.clear();
    h.sim.state.endpoints.create({ name: "main", url: receiver.url, secret: MAIN_SECRET });
    const { status, view } = await run(deps({ accepted: undefined }));
    expect(view.steps.filter((s) => s.status !== "passed")).toEqual([]);
    expect(status).toBe("passed");
  });

  it("fails the refund step with Points' words when refunds are disabled, and runs the other flows", async () => {
    await h.control("/capabilities", { refunds: false });
    const { status, view } = await run();
    expect(status).toBe("failed");
    const byFlow = Object.fromEntries(view.steps.map((s) => [s.flow, s]));
    expect(byFlow.refund).toMatchObject({
      status: "failed",
      detail:
        "Points answered HTTP 403: This capability is disabled for your merchant in Points (Refunds is not enabled or not funded for this merchant.)",
      // Points' error by its key, its own words a value the page shows apart.
      detailNotice: {
        key: "PointsErrors.capability_disabled",
        values: { status: 403, said: "Refunds is not enabled or not funded for this merchant." },
      },
    });
    expectWordedInEveryLanguage(view.steps);
    expect(view.steps.filter((s) => s.status === "passed").map((s) => s.flow)).toEqual([
      "earning_order",
      "checkout_session",
      "webhook",
      "cancel",
      "shipping",
    ]);
  });

  it("says where a webhook got stuck when it never arrives", async () => {
    await h.control("/webhooks/config", { paused: true });
    const { view } = await run(deps({ waitTimeoutMs: 1_000 }));
    const earning = view.steps[0]!;
    expect(earning.status).toBe("failed");
    expect(earning.detail).toBe(
      `Points accepted the call, but the approved webhook of ${earning.detail!.match(/SMOKE-\w+-E/)![0]} did not reach the receiver within 1.0 s: check that Points delivers to ${receiver.url} (Settings → Integration) and that the app answers there.`,
    );
    expect(earning.detailNotice).toMatchObject({
      key: "GoLive.smoke.details.notReceived",
      values: { event: "approved", seconds: 1, url: receiver.url },
    });
    expectWordedInEveryLanguage(view.steps);
    expect(view.steps[1]!.status).toBe("passed"); // checkout needs no webhook
    expect(h.sim.state.endpoints.list().map((e) => e.name)).toEqual(["main"]);
    expect(await h.db.webhookEndpointSecret.count()).toBe(0);
  });

  it("fails the earning step with the reason when Points answers 5xx, and skips what needed that order", async () => {
    await h.control("/faults", { status: 503, count: 10, paths: "/orders/earning$" });
    const { view } = await run(deps({ client: h.client({ retry: { maxAttempts: 2 } }) }));
    const byFlow = Object.fromEntries(view.steps.map((s) => [s.flow, s]));
    expect(byFlow.earning_order).toMatchObject({
      status: "failed",
      detail: expect.stringMatching(/Points (had a server error|did not confirm)/),
    });
    expect(byFlow.refund).toMatchObject({
      status: "skipped",
      detail: "Needs the earning order, which was not created.",
    });
    expect(byFlow.shipping!.status).toBe("skipped");
    expect(byFlow.refund!.detailNotice).toEqual({ key: "GoLive.smoke.details.needsEarning", values: {} });
    expectWordedInEveryLanguage(view.steps);
  });

  it("sends nothing to Points when the app's receiver is not reachable", async () => {
    await receiver.close();
    const { status, view } = await run();
    expect(status).toBe("failed");
    expect(view.steps[0]).toMatchObject({
      status: "failed",
      detail: expect.stringMatching(
        /^The app's receiver at http:\/\/127\.0\.0\.1:\d+\/api\/webhooks\/points is not reachable/,
      ),
    });
    expect(view.steps.slice(1).every((s) => s.status === "skipped")).toBe(true);
    expect(view.steps[0]!.detailNotice).toMatchObject({
      key: "GoLive.smoke.details.receiverUnreachable",
      then: [{ key: "GoLive.smoke.details.receiverAdvice" }],
    });
    expectWordedInEveryLanguage(view.steps);
    expect(h.sim.state.calls.list()).toHaveLength(0);
  });

  it("allows one run at a time, and a run abandoned long ago no longer blocks", async () => {
    const first = await startSmokeRun(h.db, { trigger: "manual", environment: "sandbox", startedById: admin.id });
    expect(first.ok).toBe(true);
    const second = await startSmokeRun(h.db, { trigger: "manual", environment: "sandbox", startedById: admin.id });
    expect(second).toMatchObject({
      ok: false,
      runId: first.runId,
      message: expect.stringMatching(/already in progress/),
    });

    const later = new Date(Date.now() + STALE_RUN_MS + 1_000);
    const third = await startSmokeRun(
      h.db,
      { trigger: "manual", environment: "sandbox", startedById: admin.id },
      later,
    );
    expect(third.ok).toBe(true);
    const abandoned = await getSmokeRun(h.db, first.runId);
    expect(abandoned).toMatchObject({ status: "failed" });
    expect(abandoned!.steps.every((s) => s.status === "failed" && /process ended/.test(s.detail!))).toBe(true);
    expectWordedInEveryLanguage(abandoned!.steps);

    // The abandoned run's process wakes: its first write finds the run closed, and it stops there.
    const events: StepEvent[] = [];
    expect(await executeSmokeRun(deps(), first.runId, (e) => events.push(e))).toBe("failed");
    expect(events).toEqual([]);
    expect(await getSmokeRun(h.db, first.runId)).toEqual(abandoned);
    expect(h.sim.state.calls.list()).toHaveLength(0);
  });
});
