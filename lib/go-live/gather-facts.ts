// Reads what the go-live evaluators need: configuration, the database, and one
// request to this app's public callback page (which also proves its address
// and certificate work from outside the request that rendered the page).
import { isSandboxHost, SANDBOX_DEFAULTS, type Config } from "@/lib/config/env";
import type { Db } from "@/lib/db/prisma";
import { endpointSecretBox, readStoredSecrets } from "@/lib/webhooks/endpoint-secrets";
import { readIntegrationSwitch } from "@/lib/integration/integration-switch";
import { latestFinishedSmokeRun } from "@/lib/smoke/read-smoke-runs";
import { smokeEnvironment } from "@/lib/smoke/smoke-targets";
import type { GoLiveFacts } from "./facts";

const CALLBACK_TIMEOUT_MS = 3_000;
const DAY_MS = 24 * 3_600_000;

export async function gatherFacts(
  db: Db,
  config: Config,
  appUrl: GoLiveFacts["appUrl"],
  opts: { now?: Date; fetch?: typeof fetch } = {},
): Promise<GoLiveFacts> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - DAY_MS);
  const apiHost = new URL(config.points.apiBaseUrl).hostname;
  const [lastVerified, recent, failures, reconcile, smoke, actions, stored, integration, callbackPage] =
    await Promise.all([
      db.webhookDelivery.findFirst({
        where: { status: { not: "rejected" } },
        orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
        select: { receivedAt: true },
      }),
      db.$queryRaw<Array<{ count: number; p95: number | null }>>`
      SELECT count(*)::int AS count, percentile_cont(0.95) WITHIN GROUP (ORDER BY ack_latency_ms) AS p95
        FROM webhook_deliveries WHERE received_at > ${since}::timestamptz AND status <> 'rejected'`,
      db.verificationFailure.count({ where: { receivedAt: { gt: since } } }),
      db.reconcileRun.findFirst({
        where: { status: "completed" },
        orderBy: { finishedAt: "desc" },
        select: { finishedAt: true },
      }),
      latestFinishedSmokeRun(db, smokeEnvironment(config)),
      db.actionIntent.groupBy({
        by: ["kind"],
        where: { status: "succeeded", kind: { in: ["refund", "cancel", "shipping"] } },
        _max: { sentAt: true },
      }),
      storedSecrets(db, config.authSecret),
      readIntegrationSwitch(db),
      probe(`${appUrl.url}/checkout/callback?order=go-live-check`, opts.fetch ?? fetch),
    ]);
  const lastAction = (kind: string) => actions.find((a) => a.kind === kind)?._max.sentAt ?? null;

  return {
    now,
    pointsEnv: config.pointsEnv,
    apiHost,
    apiHostLooksSandbox: isSandboxHost(apiHost),
    privateKeyIsDemo: config.points.privateKey === SANDBOX_DEFAULTS.privateKey,
    publicKeyIsDemo: config.points.publicKey === SANDBOX_DEFAULTS.publicKey,
    webhookSecrets: {
      configured: config.webhookSecrets.length,
      demoDefault: config.webhookSecrets.every((s) => s === SANDBOX_DEFAULTS.webhookSecret),
      ...stored,
    },
    alertWebhookHost: config.alertWebhookUrl ? new URL(config.alertWebhookUrl).host : null,
    appUrl,
    callbackPage,
    deliveries: {
      lastVerifiedAt: lastVerified?.receivedAt ?? null,
      last24h: recent[0]?.count ?? 0,
      ackP95Ms: recent[0]?.p95 ?? null,
      verificationFailures24h: failures,
    },
    lastCompletedReconcileAt: reconcile?.finishedAt ?? null,
    smoke,
    staffActions: { refund: lastAction("refund"), cancel: lastAction("cancel"), shipping: lastAction("shipping") },
    integration: integration && { active: integration.active, at: integration.at, by: integration.by?.name ?? null },
  };
}

async function storedSecrets(db: Db, authSecret: string | undefined) {
  const total = await db.webhookEndpointSecret.count();
  if (total === 0) return { stored: 0, unreadableStored: 0 };
  try {
    const read = await readStoredSecrets(db, endpointSecretBox(authSecret));
    return { stored: read.secrets.length, unreadableStored: read.unreadable.length };
  } catch {
    return { stored: 0, unreadableStored: total };
  }
}

async function probe(url: string, fetcher: typeof fetch): Promise<GoLiveFacts["callbackPage"]> {
  try {
    const res = await fetcher(url, { redirect: "manual", signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS) });
    return { url, status: res.status, error: null };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.name : "no answer");
    return {
      url,
      status: null,
      error: reason === "TimeoutError" ? `no answer within ${CALLBACK_TIMEOUT_MS / 1000} s` : reason,
    };
  }
}
