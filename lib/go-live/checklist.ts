// The Points go-live checklist (points-api.md §7), grouped as there, with the
// few live checks the app can add. An item with `evaluate` is judged from the
// gathered facts on every view; one without is checked off by hand (and so is
// an evaluated item whose answer is "unknown", e.g. sandbox-only evidence on a
// production deployment).
import type { GoLiveFacts } from "./facts";
import { FLOW_LABELS, type SmokeFlowId } from "@/lib/smoke/smoke-flow";

export type Verdict = "pass" | "fail" | "unknown";
export interface Evaluation {
  status: Verdict;
  why: string;
}

export const GROUPS = {
  credentials: "Credentials",
  webhooks: "Webhooks & callbacks",
  order_ops: "Order operations",
  widgets: "Widgets",
  observability: "Observability",
  smoke: "Smoke tests",
  launch_day: "Launch day",
} as const;
export type GroupId = keyof typeof GROUPS;

export interface ChecklistItem {
  id: string;
  group: GroupId;
  title: string;
  /** For items checked by hand: what to check, and where. */
  hint?: string;
  evaluate?: (f: GoLiveFacts) => Evaluation;
}

const pass = (why: string): Evaluation => ({ status: "pass", why });
/** Something points-ops does by construction: always true here, said how. */
const builtIn = (id: string, group: GroupId, title: string, how: string): ChecklistItem => ({
  id,
  group,
  title,
  evaluate: () => pass(`Built in: ${how}`),
});
const fail = (why: string): Evaluation => ({ status: "fail", why });
const unknown = (why: string): Evaluation => ({ status: "unknown", why });

const DAY_MS = 24 * 3_600_000;
const withinDay = (f: GoLiveFacts, at: Date | null) => at !== null && f.now.getTime() - at.getTime() <= DAY_MS;
const when = (at: Date) => at.toISOString().replace("T", " ").slice(0, 16) + " UTC";
const ACK_P95_LIMIT_MS = 2_000;

/** Credentials only matter on the deployment that talks to production. */
function inProduction(f: GoLiveFacts, check: () => Evaluation): Evaluation {
  if (f.pointsEnv !== "production")
    return unknown("This deployment uses the sandbox (POINTS_ENV=sandbox); check again on the production deployment.");
  return check();
}

function smokeFlows(f: GoLiveFacts, flows: SmokeFlowId[], what: string): Evaluation {
  const run = f.smoke;
  if (!run) return unknown(`No smoke run has finished against ${f.pointsEnv} yet: run the smoke tests below.`);
  const steps = run.steps.filter((s) => flows.includes(s.flow));
  const notPassed = steps.filter((s) => s.status !== "passed");
  const at = when(new Date(run.finishedAt ?? run.startedAt));
  if (notPassed.length === 0) return pass(`The smoke run of ${at} passed ${what}.`);
  return fail(
    `The smoke run of ${at} did not pass: ${notPassed.map((s) => `${FLOW_LABELS[s.flow]} (${s.status})`).join(", ")}.`,
  );
}

type Evidence = "refund" | "cancel" | "shipping";
const SMOKE_FLOW_OF: Record<Evidence, SmokeFlowId> = { refund: "refund", cancel: "cancel", shipping: "shipping" };

/** The newest proof that Points accepted this kind of action here: a staff action or a passed smoke flow. */
function testedHere(f: GoLiveFacts, kind: Evidence): string | null {
  const staff = f.staffActions[kind];
  const smokeStep = f.smoke?.steps.find((s) => s.flow === SMOKE_FLOW_OF[kind] && s.status === "passed");
  const smokeAt = smokeStep?.finishedAt ? new Date(smokeStep.finishedAt) : null;
  if (staff && (!smokeAt || staff >= smokeAt)) return `a staff ${kind} Points accepted on ${when(staff)}`;
  return smokeAt ? `the smoke run of ${when(smokeAt)}` : null;
}

export const CHECKLIST: ChecklistItem[] = [
  // Credentials
  {
    id: "prod-private-key",
    group: "credentials",
    title: "Production Private key loaded from a secrets manager, server side only",
    evaluate: (f) =>
      inProduction(f, () =>
        f.privateKeyIsDemo
          ? fail("POINTS_PRIVATE_KEY is the sandbox demo key.")
          : pass("POINTS_PRIVATE_KEY comes from the deployment's environment and is only sent as x-api-key."),
      ),
  },
  {
    id: "prod-public-key",
    group: "credentials",
    title: "Production Public key in the checkout creator",
    evaluate: (f) =>
      inProduction(f, () =>
        f.publicKeyIsDemo
          ? fail("POINTS_PUBLIC_KEY is the sandbox demo key.")
          : pass("POINTS_PUBLIC_KEY is set; checkout sessions use it and nothing else."),
      ),
  },
  {
    id: "no-sandbox-keys",
    group: "credentials",
    title: "No sandbox keys or hosts in production",
    evaluate: (f) =>
      inProduction(f, () => {
        if (f.privateKeyIsDemo || f.publicKeyIsDemo) return fail("A sandbox demo key is configured.");
        if (f.apiHostLooksSandbox) return fail(`POINTS_API_BASE_URL points at a sandbox (${f.apiHost}).`);
        return pass(`Points API at ${f.apiHost}; start-up refuses sandbox keys and hosts in production.`);
      }),
  },
  {
    id: "capabilities",
    group: "credentials",
    title: "Merchant capabilities confirmed: earning, checkout, refunds, shipping updates",
    evaluate: (f) =>
      smokeFlows(
        f,
        ["earning_order", "checkout_session", "refund", "shipping"],
        "earning, checkout, refund and shipping update",
      ),
  },
  // Webhooks & callbacks
  {
    id: "https-endpoint",
    group: "webhooks",
    title: "Webhook endpoint on HTTPS with a valid certificate",
    evaluate: (f) => {
      const url = new URL(f.appUrl.url);
      if (url.protocol !== "https:")
        return f.pointsEnv === "production"
          ? fail(
              `This app is reached at ${url.origin}; Points delivers over HTTPS only. Set APP_URL to the https address.`,
            )
          : unknown(
              `This app is reached at ${url.origin} (plain HTTP is fine for the sandbox double); production needs HTTPS.`,
            );
      if (f.callbackPage.status === null)
        return fail(`${url.origin} could not be reached over HTTPS: ${f.callbackPage.error ?? "no answer"}.`);
      return pass(`${url.origin} answered over HTTPS with a certificate this server trusts.`);
    },
  },
  {
    id: "webhook-secrets",
    group: "webhooks",
    title: "Webhook secrets set",
    evaluate: (f) => {
      const s = f.webhookSecrets;
      if (s.unreadableStored > 0)
        return fail(
          `${s.unreadableStored} stored endpoint secret(s) no longer open (AUTH_SECRET changed?): their deliveries are refused. Re-create those endpoints in Settings → Integration.`,
        );
      if (s.demoDefault && s.stored === 0)
        return f.pointsEnv === "production"
          ? fail("Only the sandbox demo secret is accepted.")
          : unknown("Only the sandbox double's demo secret is accepted; production needs its own.");
      return pass(
        `${s.configured} secret(s) from POINTS_WEBHOOK_SECRETS${s.stored ? ` and ${s.stored} stored endpoint secret(s)` : ""} are accepted.`,
      );
    },
  },
  builtIn(
    "constant-time-check",
    "webhooks",
    "Secret checked in constant time",
    "every X-Webhook-Secret is hashed and compared with each accepted secret using timingSafeEqual, without an early exit.",
  ),
  {
    id: "fast-ack",
    group: "webhooks",
    title: "Fast 2xx, processing queued",
    evaluate: (f) => {
      const d = f.deliveries;
      if (d.ackP95Ms === null)
        return unknown(
          "No verified delivery in the last 24 h to measure; deliveries are stored with one insert and processed after the answer.",
        );
      const measured = `p95 acknowledgement ${Math.round(d.ackP95Ms)} ms over ${d.last24h} deliveries in the last 24 h`;
      return d.ackP95Ms <= ACK_P95_LIMIT_MS
        ? pass(`${measured}; processing runs after the answer.`)
        : fail(`${measured}: too close to Points' 10 s timeout.`);
    },
  },
  {
    id: "recent-delivery",
    group: "webhooks",
    title: "A verified webhook received in the last 24 hours",
    evaluate: (f) => {
      const at = f.deliveries.lastVerifiedAt;
      if (!at) return fail("No verified webhook has been received yet: check the endpoint in Settings → Integration.");
      return withinDay(f, at)
        ? pass(`Last verified delivery ${when(at)}.`)
        : fail(`Last verified delivery ${when(at)}, more than 24 h ago.`);
    },
  },
  builtIn(
    "idempotent",
    "webhooks",
    "Idempotent handling of (order.id, event)",
    "a delivery is stored once per (order.id, event, updated_at), so repeats are answered 200 and not processed again.",
  ),
  builtIn(
    "callback-not-trusted",
    "webhooks",
    "Callback page not trusted as the truth",
    "/checkout/callback only shows state; orders change only from webhooks and Points' own answers.",
  ),
  {
    id: "callback-reachable",
    group: "webhooks",
    title: "Callback page reachable",
    evaluate: (f) => {
      const c = f.callbackPage;
      if (c.status === 200)
        return pass(
          `${c.url} answered 200${f.appUrl.fromEnv ? "" : " (address taken from this request; set APP_URL to be sure)"}.`,
        );
      return fail(
        `${c.url} ${c.status === null ? `could not be reached: ${c.error ?? "no answer"}` : `answered HTTP ${c.status}`}.`,
      );
    },
  },
  {
    id: "verification-monitoring",
    group: "webhooks",
    title: "Verification failures monitored",
    evaluate: (f) =>
      pass(
        `Built in: failed secret checks are counted on the Webhooks page (${f.deliveries.verificationFailures24h} in the last 24 h).`,
      ),
  },
  // Order operations
  builtIn(
    "store-uuid",
    "order_ops",
    "Points uuid stored for every order",
    "every order is kept by its Points uuid, with order_number and reference_number.",
  ),
  {
    id: "unique-order-number",
    group: "order_ops",
    title: "Unique, stable order_number for every order",
    hint: "Your shop sends one order_number per order and never reuses it; support finds orders by it.",
  },
  {
    id: "flows-tested",
    group: "order_ops",
    title: "Refund, cancel and shipping-update flows tested where used",
    evaluate: (f) => {
      const kinds: Evidence[] = ["refund", "cancel", "shipping"];
      const missing = kinds.filter((k) => !testedHere(f, k));
      if (missing.length === 0) return pass(kinds.map((k) => `${k}: ${testedHere(f, k)}`).join("; ") + ".");
      return unknown(
        `Not tested in this environment yet: ${missing.join(", ")}. Run the smoke tests, or confirm by hand for flows you do not use.`,
      );
    },
  },
  // Widgets (newer checklist only; no widget documentation exists)
  {
    id: "widgets-tested",
    group: "widgets",
    title: "Product-page and checkout widgets tested",
    hint: "Only if your shop shows Points widgets.",
  },
  {
    id: "widget-loader-origin",
    group: "widgets",
    title: "Widget loader points at the production origin",
    hint: "Check the widget script URL in your shop's production pages.",
  },
  { id: "widget-placement", group: "widgets", title: "Desktop and mobile placement reviewed" },
  { id: "widget-return-flow", group: "widgets", title: "Widget return flow tested" },
  // Observability
  builtIn(
    "log-redaction",
    "observability",
    "x-api-key, X-Webhook-Secret and personal data redacted from logs",
    "credentials are removed by field name and every log line is scrubbed of the configured secrets and phone numbers; the e2e suite fails on a leak.",
  ),
  {
    id: "rotation-runbook",
    group: "observability",
    title: "Key rotation runbook known to the people on call",
    hint: "docs/runbooks/rotate-api-key.md and rotate-webhook-secret.md.",
  },
  {
    id: "nightly-reconciliation",
    group: "observability",
    title: "Nightly reconciliation via GET /orders/{uuid}",
    evaluate: (f) => {
      const at = f.lastCompletedReconcileAt;
      if (!at)
        return fail(
          "No reconciliation run has completed yet: check the /api/cron/reconcile cron, or run npm run reconcile.",
        );
      return withinDay(f, at)
        ? pass(`Last completed ${when(at)}.`)
        : fail(`Last completed ${when(at)}, more than 24 h ago: check the nightly cron.`);
    },
  },
  {
    id: "alerting",
    group: "observability",
    title: "Alerts on Points errors, own webhook 5xx and spikes of 400/403/422/429",
    evaluate: (f) =>
      f.alertWebhookHost
        ? pass(`Alerts are posted to ALERT_WEBHOOK_URL (${f.alertWebhookHost}).`)
        : fail("ALERT_WEBHOOK_URL is not set: nobody is told when an alert fires."),
  },
  // Smoke tests
  {
    id: "smoke-per-flow",
    group: "smoke",
    title: "End to end per flow",
    evaluate: (f) => smokeFlows(f, Object.keys(FLOW_LABELS) as SmokeFlowId[], "every flow"),
  },
  {
    id: "first-production-orders",
    group: "smoke",
    title: "First production earning order, checkout order and webhook reconciled",
    evaluate: (f) =>
      inProduction(f, () => {
        const smoke = smokeFlows(f, ["earning_order", "checkout_session", "webhook"], "earning, checkout and webhook");
        if (smoke.status !== "pass") return smoke;
        const finished = new Date(f.smoke!.finishedAt ?? f.smoke!.startedAt);
        const reconciled = f.lastCompletedReconcileAt;
        return reconciled && reconciled > finished
          ? pass(
              `${smoke.why} A reconciliation completed after it (${when(reconciled)}); the checkout order needs a shopper, so compare it in Points Business.`,
            )
          : unknown(`${smoke.why} No reconciliation has completed since: run one.`);
      }),
  },
  {
    id: "refund-target-env",
    group: "smoke",
    title: "Refund tested in the target environment (if policy allows)",
    evaluate: (f) => {
      const proof = testedHere(f, "refund");
      return proof
        ? pass(
            `Refund accepted by Points ${f.pointsEnv === "production" ? "in production" : "in the sandbox"}: ${proof}.`,
          )
        : unknown(`No refund has succeeded against ${f.pointsEnv} yet.`);
    },
  },
  // Launch day
  { id: "controlled-orders", group: "launch_day", title: "Start with controlled orders" },
  {
    id: "watch-webhooks",
    group: "launch_day",
    title: "Watch the webhook log live",
    hint: "The Webhooks page updates live.",
  },
  {
    id: "reconcile-dashboard",
    group: "launch_day",
    title: "Reconcile against the Points dashboard",
    hint: "Compare a few orders with Points Business → Orders.",
  },
  builtIn(
    "support-search",
    "launch_day",
    "Support can search by order_number and reference_number",
    "the Orders page finds orders by order number, reference number or Points uuid.",
  ),
  {
    id: "rollback-ready",
    group: "launch_day",
    title: "Rollback ready: key rotation and disabling webhooks",
    hint: "docs/runbooks/disable-webhooks-in-an-incident.md; the integration switch is in Settings → Integration.",
  },
  {
    id: "integration-on",
    group: "launch_day",
    title: "Integration switched on",
    evaluate: (f) => {
      const s = f.integration;
      if (!s) return pass("Never switched off from points-ops (Points has no call to read the flag).");
      const who = `${when(s.at)}${s.by ? ` by ${s.by}` : ""}`;
      return s.active
        ? pass(`Switched on ${who}.`)
        : fail(`Switched off ${who}: Points refuses our calls until it is switched on in Settings → Integration.`);
    },
  },
];

export const ITEM_IDS = new Set(CHECKLIST.map((i) => i.id));
