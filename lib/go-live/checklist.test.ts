import { describe, expect, it } from "vitest";
import type { SmokeRunView } from "@/lib/smoke/read-smoke-runs";
import { catalogue } from "@/lib/i18n/catalogue";
import { translator } from "@/lib/i18n/message";
import { SMOKE_FLOWS } from "@/lib/smoke/smoke-flow";
import { CHECKLIST, GROUPS } from "./checklist";
import { evaluateChecklist, type SignoffView } from "./evaluate-checklist";
import type { GoLiveFacts } from "./facts";

const NOW = new Date("2026-05-10T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

function smokeRun(
  statuses: Partial<Record<(typeof SMOKE_FLOWS)[number], string>> = {},
  finishedAt = hoursAgo(2),
): SmokeRunView {
  const steps = SMOKE_FLOWS.map((flow) => ({
    flow,
    status: statuses[flow] ?? "passed",
    detail: null,
    detailNotice: null,
    durationMs: 100,
    finishedAt: finishedAt.toISOString(),
  }));
  return {
    id: "run",
    status: steps.every((s) => s.status === "passed") ? "passed" : "failed",
    trigger: "manual",
    environment: "production · api.papp.sa",
    startedAt: finishedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    startedBy: null,
    steps,
  };
}

/** A production deployment where everything the app can check is right. */
function facts(patch: Partial<GoLiveFacts> = {}): GoLiveFacts {
  return {
    now: NOW,
    pointsEnv: "production",
    apiHost: "api.papp.sa",
    apiHostLooksSandbox: false,
    privateKeyIsDemo: false,
    publicKeyIsDemo: false,
    webhookSecrets: { configured: 1, demoDefault: false, stored: 1, unreadableStored: 0 },
    alertWebhookHost: "hooks.slack.com",
    appUrl: { url: "https://ops.example.com", fromEnv: true },
    callbackPage: { url: "https://ops.example.com/checkout/callback?order=go-live-check", status: 200, error: null },
    deliveries: { lastVerifiedAt: hoursAgo(1), last24h: 40, ackP95Ms: 35, verificationFailures24h: 0 },
    lastCompletedReconcileAt: hoursAgo(1),
    smoke: smokeRun(),
    staffActions: { refund: null, cancel: null, shipping: null },
    integration: null,
    ...patch,
  };
}

const say = translator("en", "GoLive");
/** An item's verdict, its reason worded in English as an English reader sees it. */
function evaluate(id: string, f: GoLiveFacts) {
  const { status, why } = CHECKLIST.find((i) => i.id === id)!.evaluate!(f);
  return { status, why: say(why) };
}

describe("go-live checklist", () => {
  it("has every group of points-api.md §7 and unique item ids", () => {
    expect(new Set(CHECKLIST.map((i) => i.group))).toEqual(new Set(GROUPS));
    expect(new Set(CHECKLIST.map((i) => i.id)).size).toBe(CHECKLIST.length);
  });

  it("has a title for every item, a hint exactly where one is promised and a how for each built-in", () => {
    for (const locale of ["en", "ar"] as const) {
      const items: Record<string, Record<string, string>> = catalogue(locale).GoLive.items;
      expect(Object.keys(items).sort()).toEqual(CHECKLIST.map((i) => i.id).sort());
      for (const item of CHECKLIST) {
        expect(items[item.id]!.title, item.id).toBeTruthy();
        expect(Boolean(items[item.id]!.hint), item.id).toBe(item.hint === true);
      }
    }
  });

  it("passes every evaluated item on a well-configured production deployment", () => {
    const failing = CHECKLIST.filter((i) => i.evaluate && i.evaluate(facts()).status !== "pass").map((i) => [
      i.id,
      evaluate(i.id, facts()).why,
    ]);
    expect(failing).toEqual([]);
  });

  it("leaves credentials unknown on a sandbox deployment", () => {
    const sandbox = facts({
      pointsEnv: "sandbox",
      privateKeyIsDemo: true,
      publicKeyIsDemo: true,
      apiHostLooksSandbox: true,
    });
    for (const id of ["prod-private-key", "prod-public-key", "no-sandbox-keys", "first-production-orders"])
      expect(evaluate(id, sandbox)).toMatchObject({
        status: "unknown",
        why: expect.stringMatching(/POINTS_ENV=sandbox/),
      });
  });

  it("fails sandbox keys or hosts in production", () => {
    expect(evaluate("prod-private-key", facts({ privateKeyIsDemo: true }))).toMatchObject({ status: "fail" });
    expect(evaluate("prod-public-key", facts({ publicKeyIsDemo: true }))).toMatchObject({ status: "fail" });
    expect(evaluate("no-sandbox-keys", facts({ apiHost: "sandbox.papp.sa", apiHostLooksSandbox: true }))).toEqual({
      status: "fail",
      why: "POINTS_API_BASE_URL points at a sandbox (sandbox.papp.sa).",
    });
  });

  it("judges the endpoint's scheme and reachability", () => {
    const http = { appUrl: { url: "http://ops.example.com", fromEnv: true } };
    expect(evaluate("https-endpoint", facts(http)).status).toBe("fail");
    expect(evaluate("https-endpoint", facts({ ...http, pointsEnv: "sandbox" })).status).toBe("unknown");
    const badCert = facts({
      callbackPage: { url: "https://ops.example.com/checkout/callback", status: null, error: "CERT_HAS_EXPIRED" },
    });
    expect(evaluate("https-endpoint", badCert)).toEqual({
      status: "fail",
      why: "https://ops.example.com could not be reached over HTTPS: CERT_HAS_EXPIRED.",
    });
    expect(evaluate("callback-reachable", badCert).status).toBe("fail");
    expect(
      evaluate("callback-reachable", facts({ callbackPage: { url: "https://x/cb", status: 503, error: null } })),
    ).toEqual({
      status: "fail",
      why: "https://x/cb answered HTTP 503.",
    });
    expect(
      evaluate("callback-reachable", facts({ appUrl: { url: "https://ops.example.com", fromEnv: false } })).why,
    ).toMatch(/set APP_URL/);
  });

  it("judges the webhook secrets", () => {
    expect(evaluate("webhook-secrets", facts()).why).toBe(
      "1 secret(s) from POINTS_WEBHOOK_SECRETS and 1 stored endpoint secret(s) are accepted.",
    );
    expect(
      evaluate(
        "webhook-secrets",
        facts({ webhookSecrets: { configured: 1, demoDefault: false, stored: 2, unreadableStored: 1 } }),
      ),
    ).toMatchObject({
      status: "fail",
      why: expect.stringMatching(/^1 stored endpoint secret\(s\) no longer open/),
    });
    const demo = { webhookSecrets: { configured: 1, demoDefault: true, stored: 0, unreadableStored: 0 } };
    expect(evaluate("webhook-secrets", facts({ ...demo, pointsEnv: "sandbox" })).status).toBe("unknown");
    expect(evaluate("webhook-secrets", facts(demo)).status).toBe("fail");
  });

  it("needs a verified delivery and a completed reconciliation within 24 hours", () => {
    expect(
      evaluate(
        "recent-delivery",
        facts({ deliveries: { lastVerifiedAt: hoursAgo(25), last24h: 0, ackP95Ms: null, verificationFailures24h: 0 } }),
      ).status,
    ).toBe("fail");
    expect(
      evaluate(
        "recent-delivery",
        facts({ deliveries: { lastVerifiedAt: null, last24h: 0, ackP95Ms: null, verificationFailures24h: 0 } }),
      ).why,
    ).toMatch(/^No verified webhook/);
    expect(evaluate("nightly-reconciliation", facts({ lastCompletedReconcileAt: hoursAgo(30) }))).toMatchObject({
      status: "fail",
      why: expect.stringMatching(/more than 24 h ago/),
    });
    expect(evaluate("nightly-reconciliation", facts({ lastCompletedReconcileAt: null })).status).toBe("fail");
  });

  it("judges acknowledgement latency only when there is something to measure", () => {
    const d = (ackP95Ms: number | null) =>
      facts({
        deliveries: {
          lastVerifiedAt: hoursAgo(1),
          last24h: ackP95Ms === null ? 0 : 10,
          ackP95Ms,
          verificationFailures24h: 0,
        },
      });
    expect(evaluate("fast-ack", d(null)).status).toBe("unknown");
    expect(evaluate("fast-ack", d(3_500))).toMatchObject({
      status: "fail",
      why: expect.stringMatching(/^p95 acknowledgement 3,500 ms over 10 deliveries/),
    });
  });

  it("needs an alert destination", () => {
    expect(evaluate("alerting", facts({ alertWebhookHost: null }))).toEqual({
      status: "fail",
      why: "ALERT_WEBHOOK_URL is not set: nobody is told when an alert fires.",
    });
  });

  it("reads the latest smoke run per flow", () => {
    expect(evaluate("smoke-per-flow", facts({ smoke: null })).status).toBe("unknown");
    const refundFailed = facts({ smoke: smokeRun({ refund: "failed", shipping: "skipped" }) });
    expect(evaluate("smoke-per-flow", refundFailed)).toEqual({
      status: "fail",
      why: "The smoke run of 10 May 2026 13:00 (Riyadh) did not pass: Refund (failed) and Shipping update (skipped).",
    });
    expect(evaluate("capabilities", refundFailed).status).toBe("fail");
    expect(evaluate("capabilities", facts({ smoke: smokeRun({ webhook: "failed" }) })).status).toBe("pass");
  });

  it("counts staff actions and smoke flows as proof that refund, cancel and shipping work here", () => {
    const none = facts({ smoke: null });
    expect(evaluate("flows-tested", none)).toMatchObject({
      status: "unknown",
      why: expect.stringMatching(/refund, cancel and shipping/),
    });
    expect(evaluate("refund-target-env", none).status).toBe("unknown");
    const staffRefund = facts({
      smoke: smokeRun({ refund: "failed" }),
      staffActions: { refund: hoursAgo(5), cancel: null, shipping: null },
    });
    expect(evaluate("refund-target-env", staffRefund).why).toBe(
      "Refund accepted by Points in production: a staff refund Points accepted on 10 May 2026 10:00 (Riyadh).",
    );
    expect(evaluate("flows-tested", staffRefund).why).toMatch(
      /^refund: a staff refund .*, cancel: the smoke run of 10 May 2026 13:00 \(Riyadh\) and shipping: the smoke run/,
    );
  });

  it("needs a reconciliation after the first production smoke run", () => {
    expect(evaluate("first-production-orders", facts({ lastCompletedReconcileAt: hoursAgo(3) }))).toMatchObject({
      status: "unknown",
      why: expect.stringMatching(/No reconciliation has completed since/),
    });
  });

  it("fails when the integration was switched off here", () => {
    expect(
      evaluate("integration-on", facts({ integration: { active: false, at: hoursAgo(1), by: "Ada Admin" } })),
    ).toEqual({
      status: "fail",
      why: "Switched off 10 May 2026 14:00 (Riyadh) by Ada Admin: Points refuses our calls until it is switched on in Settings → Integration.",
    });
  });
});

describe("evaluateChecklist", () => {
  const signoff: SignoffView = { by: "Ada Admin", at: hoursAgo(1).toISOString(), note: "checked with Points support" };

  it("counts live verdicts, and sign-offs only where the app cannot judge", () => {
    const view = evaluateChecklist(
      facts({ pointsEnv: "sandbox", alertWebhookHost: null }),
      new Map([
        ["unique-order-number", signoff],
        ["alerting", signoff],
        ["prod-private-key", signoff],
      ]),
    );
    expect(view.groups.map((g) => g.id)).toEqual([...GROUPS]);
    const item = (id: string) => view.groups.flatMap((g) => g.items).find((i) => i.id === id)!;
    expect(item("unique-order-number")).toMatchObject({ live: null, state: "signed_off", canSignOff: true, signoff });
    expect(item("controlled-orders")).toMatchObject({ state: "open", canSignOff: true, signoff: null });
    // Unknown here (sandbox), so a person's word counts.
    expect(item("prod-private-key")).toMatchObject({
      live: { status: "unknown" },
      state: "signed_off",
      canSignOff: true,
    });
    // The app knows better: a sign-off does not hide a failure.
    expect(item("alerting")).toMatchObject({ state: "fail", canSignOff: false, signoff });
    expect(item("idempotent")).toMatchObject({ state: "pass", canSignOff: false });
    const total = Object.values(view.summary).reduce((a, b) => a + b, 0);
    expect(total).toBe(CHECKLIST.length);
    expect(view.summary.signed_off).toBe(2);
  });
});
