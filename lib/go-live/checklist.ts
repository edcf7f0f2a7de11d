// The Points go-live checklist (points-api.md §7), grouped as there, with the
// few live checks the app can add. An item with `evaluate` is judged from the
// gathered facts on every view; one without is checked off by hand (and so is
// an evaluated item whose answer is "unknown", e.g. sandbox-only evidence on a
// production deployment). Every word is a catalogue message (namespace
// "GoLive"): an item's title is items.<id>.title, its hint items.<id>.hint, and
// a verdict says why as a message with its facts, worded per reader.
import type { GoLiveFacts } from "./facts";
import { message, type Message, type MessageValue } from "@/lib/i18n/message";
import { flowLabel, SMOKE_FLOWS, type SmokeFlowId } from "@/lib/smoke/smoke-flow";

export type Verdict = "pass" | "fail" | "unknown";
export interface Evaluation {
  status: Verdict;
  why: Message;
}

export const GROUPS = [
  "credentials",
  "webhooks",
  "order_ops",
  "widgets",
  "observability",
  "smoke",
  "launch_day",
] as const;
export type GroupId = (typeof GROUPS)[number];

export interface ChecklistItem {
  id: string;
  group: GroupId;
  /** For items checked by hand: the catalogue has items.<id>.hint, what to check and where. */
  hint?: true;
  evaluate?: (f: GoLiveFacts) => Evaluation;
}

export const itemTitle = (id: string) => message(`items.${id}.title`);

const why = message;
const pass = (m: Message): Evaluation => ({ status: "pass", why: m });
const fail = (m: Message): Evaluation => ({ status: "fail", why: m });
const unknown = (m: Message): Evaluation => ({ status: "unknown", why: m });
/** Something points-ops does by construction: always true here, said how (items.<id>.how). */
const builtIn = (id: string, group: GroupId): ChecklistItem => ({
  id,
  group,
  evaluate: () => pass(why("why.builtIn", { how: message(`items.${id}.how`) })),
});

const DAY_MS = 24 * 3_600_000;
const withinDay = (f: GoLiveFacts, at: Date | null) => at !== null && f.now.getTime() - at.getTime() <= DAY_MS;
const ACK_P95_LIMIT_MS = 2_000;
const env = (f: GoLiveFacts) => message(`env.${f.pointsEnv}`);

/** Credentials only matter on the deployment that talks to production. */
function inProduction(f: GoLiveFacts, check: () => Evaluation): Evaluation {
  if (f.pointsEnv !== "production") return unknown(why("why.sandboxDeployment"));
  return check();
}

function smokeFlows(f: GoLiveFacts, flows: readonly SmokeFlowId[], what: Message): Evaluation {
  const run = f.smoke;
  if (!run) return unknown(why("why.noSmokeRun", { env: env(f) }));
  const steps = run.steps.filter((s) => flows.includes(s.flow));
  const notPassed = steps.filter((s) => s.status !== "passed");
  const at = new Date(run.finishedAt ?? run.startedAt);
  if (notPassed.length === 0) return pass(why("why.smokePassed", { at, what }));
  return fail(
    why("why.smokeFailed", {
      at,
      failed: notPassed.map((s) =>
        message("why.flowStatus", { flow: flowLabel(s.flow), status: message(`smoke.status.${s.status}`) }),
      ),
    }),
  );
}

type Evidence = "refund" | "cancel" | "shipping";
const SMOKE_FLOW_OF: Record<Evidence, SmokeFlowId> = { refund: "refund", cancel: "cancel", shipping: "shipping" };

/** The newest proof that Points accepted this kind of action here: a staff action or a passed smoke flow. */
function testedHere(f: GoLiveFacts, kind: Evidence): Message | null {
  const staff = f.staffActions[kind];
  const smokeStep = f.smoke?.steps.find((s) => s.flow === SMOKE_FLOW_OF[kind] && s.status === "passed");
  const smokeAt = smokeStep?.finishedAt ? new Date(smokeStep.finishedAt) : null;
  if (staff && (!smokeAt || staff >= smokeAt))
    return message("why.staffAction", { kind: message(`kinds.${kind}`), at: staff });
  return smokeAt ? message("why.smokeRunOf", { at: smokeAt }) : null;
}

export const CHECKLIST: ChecklistItem[] = [
  // Credentials
  {
    id: "prod-private-key",
    group: "credentials",
    evaluate: (f) =>
      inProduction(f, () => (f.privateKeyIsDemo ? fail(why("why.privateKeyDemo")) : pass(why("why.privateKeyOk")))),
  },
  {
    id: "prod-public-key",
    group: "credentials",
    evaluate: (f) =>
      inProduction(f, () => (f.publicKeyIsDemo ? fail(why("why.publicKeyDemo")) : pass(why("why.publicKeyOk")))),
  },
  {
    id: "no-sandbox-keys",
    group: "credentials",
    evaluate: (f) =>
      inProduction(f, () => {
        if (f.privateKeyIsDemo || f.publicKeyIsDemo) return fail(why("why.demoKey"));
        if (f.apiHostLooksSandbox) return fail(why("why.sandboxHost", { host: f.apiHost }));
        return pass(why("why.productionHost", { host: f.apiHost }));
      }),
  },
  {
    id: "capabilities",
    group: "credentials",
    evaluate: (f) =>
      smokeFlows(f, ["earning_order", "checkout_session", "refund", "shipping"], message("why.capabilitiesFlows")),
  },
  // Webhooks & callbacks
  {
    id: "https-endpoint",
    group: "webhooks",
    evaluate: (f) => {
      const url = new URL(f.appUrl.url);
      if (url.protocol !== "https:")
        return f.pointsEnv === "production"
          ? fail(why("why.httpProduction", { origin: url.origin }))
          : unknown(why("why.httpSandbox", { origin: url.origin }));
      if (f.callbackPage.status === null)
        return fail(
          why("why.httpsUnreachable", { origin: url.origin, error: f.callbackPage.error ?? message("why.noAnswer") }),
        );
      return pass(why("why.httpsOk", { origin: url.origin }));
    },
  },
  {
    id: "webhook-secrets",
    group: "webhooks",
    evaluate: (f) => {
      const s = f.webhookSecrets;
      if (s.unreadableStored > 0) return fail(why("why.secretsUnreadable", { count: s.unreadableStored }));
      if (s.demoDefault && s.stored === 0)
        return f.pointsEnv === "production" ? fail(why("why.demoSecretOnly")) : unknown(why("why.demoSecretSandbox"));
      return pass(
        s.stored
          ? why("why.secretsAcceptedStored", { configured: s.configured, stored: s.stored })
          : why("why.secretsAccepted", { configured: s.configured }),
      );
    },
  },
  builtIn("constant-time-check", "webhooks"),
  {
    id: "fast-ack",
    group: "webhooks",
    evaluate: (f) => {
      const d = f.deliveries;
      if (d.ackP95Ms === null) return unknown(why("why.ackUnmeasured"));
      const measured = { ms: Math.round(d.ackP95Ms), count: d.last24h };
      return d.ackP95Ms <= ACK_P95_LIMIT_MS ? pass(why("why.ackFast", measured)) : fail(why("why.ackSlow", measured));
    },
  },
  {
    id: "recent-delivery",
    group: "webhooks",
    evaluate: (f) => {
      const at = f.deliveries.lastVerifiedAt;
      if (!at) return fail(why("why.noDelivery"));
      return withinDay(f, at) ? pass(why("why.lastDelivery", { at })) : fail(why("why.lastDeliveryOld", { at }));
    },
  },
  builtIn("idempotent", "webhooks"),
  builtIn("callback-not-trusted", "webhooks"),
  {
    id: "callback-reachable",
    group: "webhooks",
    evaluate: (f) => {
      const c = f.callbackPage;
      if (c.status === 200)
        return pass(why(f.appUrl.fromEnv ? "why.callbackOk" : "why.callbackOkFromRequest", { url: c.url }));
      return fail(
        c.status === null
          ? why("why.callbackUnreachable", { url: c.url, error: c.error ?? message("why.noAnswer") })
          : why("why.callbackStatus", { url: c.url, status: String(c.status) }),
      );
    },
  },
  {
    id: "verification-monitoring",
    group: "webhooks",
    evaluate: (f) => pass(why("why.verificationCounted", { count: f.deliveries.verificationFailures24h })),
  },
  // Order operations
  builtIn("store-uuid", "order_ops"),
  { id: "unique-order-number", group: "order_ops", hint: true },
  {
    id: "flows-tested",
    group: "order_ops",
    evaluate: (f) => {
      const kinds: Evidence[] = ["refund", "cancel", "shipping"];
      const missing = kinds.filter((k) => !testedHere(f, k));
      if (missing.length === 0)
        return pass(
          why("why.flowsTested", {
            proofs: kinds.map((k) =>
              message("why.flowProof", { kind: message(`kinds.${k}`), proof: testedHere(f, k)! }),
            ),
          }),
        );
      return unknown(why("why.flowsUntested", { missing: missing.map((k) => message(`kinds.${k}`)) }));
    },
  },
  // Widgets (newer checklist only; no widget documentation exists)
  { id: "widgets-tested", group: "widgets", hint: true },
  { id: "widget-loader-origin", group: "widgets", hint: true },
  { id: "widget-placement", group: "widgets" },
  { id: "widget-return-flow", group: "widgets" },
  // Observability
  builtIn("log-redaction", "observability"),
  { id: "rotation-runbook", group: "observability", hint: true },
  {
    id: "nightly-reconciliation",
    group: "observability",
    evaluate: (f) => {
      const at = f.lastCompletedReconcileAt;
      if (!at) return fail(why("why.noReconcile"));
      return withinDay(f, at) ? pass(why("why.reconciled", { at })) : fail(why("why.reconciledOld", { at }));
    },
  },
  {
    id: "alerting",
    group: "observability",
    evaluate: (f) =>
      f.alertWebhookHost ? pass(why("why.alertsPosted", { host: f.alertWebhookHost })) : fail(why("why.alertsNotSet")),
  },
  // Smoke tests
  {
    id: "smoke-per-flow",
    group: "smoke",
    evaluate: (f) => smokeFlows(f, SMOKE_FLOWS, message("why.everyFlow")),
  },
  {
    id: "first-production-orders",
    group: "smoke",
    evaluate: (f) =>
      inProduction(f, () => {
        const smoke = smokeFlows(f, ["earning_order", "checkout_session", "webhook"], message("why.productionFlows"));
        if (smoke.status !== "pass") return smoke;
        const finished = new Date(f.smoke!.finishedAt ?? f.smoke!.startedAt);
        const reconciled = f.lastCompletedReconcileAt;
        return reconciled && reconciled > finished
          ? pass(why("why.reconciledAfter", { smoke: smoke.why, at: reconciled }))
          : unknown(why("why.notReconciledSince", { smoke: smoke.why }));
      }),
  },
  {
    id: "refund-target-env",
    group: "smoke",
    evaluate: (f) => {
      const proof = testedHere(f, "refund");
      return proof
        ? pass(
            why("why.refundAccepted", {
              where: message(f.pointsEnv === "production" ? "why.inProduction" : "why.inSandbox"),
              proof,
            }),
          )
        : unknown(why("why.noRefund", { env: env(f) }));
    },
  },
  // Launch day
  { id: "controlled-orders", group: "launch_day" },
  { id: "watch-webhooks", group: "launch_day", hint: true },
  { id: "reconcile-dashboard", group: "launch_day", hint: true },
  builtIn("support-search", "launch_day"),
  { id: "rollback-ready", group: "launch_day", hint: true },
  {
    id: "integration-on",
    group: "launch_day",
    evaluate: (f) => {
      const s = f.integration;
      if (!s) return pass(why("why.neverSwitched"));
      const who: Record<string, MessageValue> = s.by ? { at: s.at, by: s.by } : { at: s.at };
      const key = `why.switched${s.active ? "On" : "Off"}${s.by ? "By" : ""}`;
      return s.active ? pass(why(key, who)) : fail(why(key, who));
    },
  },
];

export const ITEM_IDS = new Set(CHECKLIST.map((i) => i.id));
