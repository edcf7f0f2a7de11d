// The one place that reads the environment. Everything else asks getConfig().
// A bad value stops start-up with one line naming the variable (contract.md).
import { z } from "zod";
import { DEFAULT_POOL_SIZE, MIN_POOL_SIZE } from "@/lib/config/pool-settings";

export const SANDBOX_DEFAULTS = {
  privateKey: "points-demo-private-key",
  publicKey: "points-demo-public-key",
  webhookSecret: "points-demo-webhook-secret",
  apiBaseUrl: "http://127.0.0.1:4010/api/v1",
  // Points' reserved sandbox customer for earning (points-api.md §7)
  smokePhoneNumber: "500000002",
} as const;

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const url = (what: string) => z.url({ protocol: /^https?$/, error: `must be an http(s) URL (${what})` });

const leaseSeconds = (fallback: number) =>
  z.coerce
    .number({ error: "must be a number of seconds" })
    .int()
    .min(1, "must be at least 1")
    .max(3_600)
    .default(fallback);

// Lease lengths: how long a holder that stopped answering keeps others off its work (docs/architecture.md).
const leaseSchema = z.object({
  WEBHOOK_CLAIM_LEASE_SECONDS: leaseSeconds(60),
  RECONCILE_LEASE_SECONDS: leaseSeconds(300),
});

/** The lease lengths in ms; read on their own so that library code and tests need no full configuration. */
export function leaseDurations(env: Record<string, string | undefined> = process.env) {
  const parsed = leaseSchema.safeParse(env);
  const c = parsed.success ? parsed.data : leaseSchema.parse({});
  return { webhookClaimMs: c.WEBHOOK_CLAIM_LEASE_SECONDS * 1_000, reconcileMs: c.RECONCILE_LEASE_SECONDS * 1_000 };
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (a postgres:// connection string); npm start sets it for the embedded PostgreSQL" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string"),
  DIRECT_DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
      .optional(),
  ),
  DB_POOL_SIZE: z.coerce
    .number({ error: "must be a number of connections" })
    .int("must be a whole number")
    .min(MIN_POOL_SIZE, `must be at least ${MIN_POOL_SIZE} (one connection per pool)`)
    .max(200, "must be at most 200")
    .default(DEFAULT_POOL_SIZE),
  POINTS_ENV: z.enum(["sandbox", "production"], { error: 'must be "sandbox" or "production"' }).default("sandbox"),
  POINTS_API_BASE_URL: optionalString.pipe(
    url("the Points API base")
      .refine((v) => /\/api\/v1\/?$/.test(v), "must end in /api/v1")
      .optional(),
  ),
  POINTS_PRIVATE_KEY: optionalString,
  POINTS_PUBLIC_KEY: optionalString,
  POINTS_WEBHOOK_SECRETS: optionalString,
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  CRON_SECRET: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  ALERT_WEBHOOK_URL: optionalString.pipe(url("where alerts are posted").optional()),
  ALERT_LANGUAGE: z.enum(["en", "ar", "both"], { error: 'must be "en", "ar" or "both"' }).default("en"),
  APP_URL: optionalString.pipe(url("this app's public address, e.g. https://ops.example.com").optional()),
  // Set by Vercel, without a scheme.
  VERCEL_PROJECT_PRODUCTION_URL: optionalString,
  VERCEL_URL: optionalString,
  SMOKE_RECEIVER_URL: optionalString.pipe(
    url("the webhook receiver smoke tests register, e.g. https://ops.example.com/api/webhooks/points").optional(),
  ),
  SMOKE_PHONE_NUMBER: optionalString.pipe(
    z
      .string()
      .regex(/^(\+|00)?(966)?0?5\d{8}$/, "must be a Saudi mobile number (5XXXXXXXX)")
      .optional(),
  ),
  CHECKOUT_CALLBACK_SECRET: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  MERCHANT_NAME: optionalString.pipe(z.string().max(100, "must be at most 100 characters").optional()),
  MERCHANT_LOGO_URL: optionalString.pipe(url("the store's logo image").optional()),
  MERCHANT_STORE_URL: optionalString.pipe(url("the store's home page, where shoppers go back to").optional()),
  CALLBACK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1, "must be 1 or more").max(100_000).default(40),
  TRUSTED_PROXY: optionalString.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F.:]+(\s*,\s*[0-9a-fA-F.:]+)*$/, "must be a comma-separated list of IP addresses")
      .optional(),
  ),
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  REFUND_APPROVAL_THRESHOLD_SAR: z.coerce
    .number({ error: "must be a number of SAR" })
    .nonnegative("must be 0 or more")
    .default(1000),
  REFUND_APPROVAL_EXPIRY_HOURS: z.coerce
    .number({ error: "must be a number of hours" })
    .positive("must be more than 0")
    .max(24 * 90, "must be at most 2160 (90 days)")
    .default(24),
  WEBHOOK_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0, "must be 0 (off) or more").default(2000),
  CONFIRMATION_OVERDUE_MINUTES: z.coerce
    .number({ error: "must be a number of minutes" })
    .positive("must be more than 0")
    .default(10),
  ALERT_EVALUATE_INTERVAL_MS: z.coerce.number().int().min(0, "must be 0 (off) or more").default(30_000),
  ...leaseSchema.shape,
});

export type Config = ReturnType<typeof parseEnv>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

function fail(variable: string, message: string): never {
  throw new ConfigError(`Invalid configuration: ${variable} ${message}`);
}

export function isSandboxHost(host: string): boolean {
  return host === "localhost" || host.startsWith("127.") || host.includes("sandbox");
}

// Sandbox keys or hosts in production are a classic go-live mistake (points-api.md §7).
function assertProductionReady(c: z.infer<typeof schema>) {
  const required = [
    "POINTS_API_BASE_URL",
    "POINTS_PRIVATE_KEY",
    "POINTS_PUBLIC_KEY",
    "POINTS_WEBHOOK_SECRETS",
    "AUTH_SECRET",
    "CRON_SECRET",
  ] as const;
  for (const name of required) if (!c[name]) fail(name, "is required when POINTS_ENV=production");
  if (c.POINTS_PRIVATE_KEY === SANDBOX_DEFAULTS.privateKey || c.POINTS_PUBLIC_KEY === SANDBOX_DEFAULTS.publicKey)
    fail(
      "POINTS_PRIVATE_KEY",
      "is the sandbox double's demo key; set the production key from Points Business → Settings → API Keys",
    );
  const host = new URL(c.POINTS_API_BASE_URL!).hostname;
  if (isSandboxHost(host))
    fail(
      "POINTS_API_BASE_URL",
      `points at a sandbox (${host}); production is https://api.papp.sa/api/v1 or https://business.papp.sa/api/v1`,
    );
}

function publicAppUrl(c: z.infer<typeof schema>): string | undefined {
  const vercelHost = c.VERCEL_PROJECT_PRODUCTION_URL ?? c.VERCEL_URL;
  const url = c.APP_URL ?? (vercelHost ? `https://${vercelHost}` : undefined);
  return url?.replace(/\/+$/, "");
}

export function parseEnv(env: Record<string, string | undefined>) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    const got = env[variable];
    fail(
      variable,
      `${issue.message}${got === undefined ? "" : ` (got "${/SECRET|KEY|PHONE/.test(variable) ? "…" : got}")`}`,
    );
  }
  const c = parsed.data;
  const production = c.POINTS_ENV === "production";
  if (production) assertProductionReady(c);
  if (c.NODE_ENV === "production" && !c.AUTH_SECRET) fail("AUTH_SECRET", "is required in production builds");

  return {
    databaseUrl: c.DATABASE_URL,
    /** Connections one server process may open over all its pools (lib/config/pool-settings.ts). */
    dbPoolSize: c.DB_POOL_SIZE,
    pointsEnv: c.POINTS_ENV,
    points: {
      apiBaseUrl: (c.POINTS_API_BASE_URL ?? SANDBOX_DEFAULTS.apiBaseUrl).replace(/\/$/, ""),
      privateKey: c.POINTS_PRIVATE_KEY ?? SANDBOX_DEFAULTS.privateKey,
      publicKey: c.POINTS_PUBLIC_KEY ?? SANDBOX_DEFAULTS.publicKey,
    },
    webhookSecrets: (c.POINTS_WEBHOOK_SECRETS ?? SANDBOX_DEFAULTS.webhookSecret)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    authSecret: c.AUTH_SECRET,
    cronSecret: c.CRON_SECRET,
    alertWebhookUrl: c.ALERT_WEBHOOK_URL,
    alertLanguage: c.ALERT_LANGUAGE,
    /** Where people and Points reach this app; undefined when only the request can tell. */
    appUrl: publicAppUrl(c),
    smoke: {
      receiverUrl: c.SMOKE_RECEIVER_URL,
      // Production has no test customers: smoke orders there go to a number the team chose.
      phoneNumber: c.SMOKE_PHONE_NUMBER ?? (production ? undefined : SANDBOX_DEFAULTS.smokePhoneNumber),
    },
    /** Signs the callback URLs whose visitors may see amounts (lib/checkout/callback-token.ts). */
    checkoutCallbackSecret: c.CHECKOUT_CALLBACK_SECRET,
    callbackRateLimitPerMinute: c.CALLBACK_RATE_LIMIT_PER_MINUTE,
    /** Shown on the customer-facing callback page. */
    merchant: { name: c.MERCHANT_NAME, logoUrl: c.MERCHANT_LOGO_URL, storeUrl: c.MERCHANT_STORE_URL },
    /** Peers whose X-Forwarded-For the self-hosted server believes (lib/http/client-address.ts). */
    trustedProxies: new Set(
      (c.TRUSTED_PROXY ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    github:
      c.AUTH_GITHUB_ID && c.AUTH_GITHUB_SECRET ? { id: c.AUTH_GITHUB_ID, secret: c.AUTH_GITHUB_SECRET } : undefined,
    refundApprovalThresholdSar: c.REFUND_APPROVAL_THRESHOLD_SAR,
    refundApprovalExpiryMs: c.REFUND_APPROVAL_EXPIRY_HOURS * 3_600_000,
    webhookSweepIntervalMs: c.WEBHOOK_SWEEP_INTERVAL_MS,
    confirmationOverdueMs: c.CONFIRMATION_OVERDUE_MINUTES * 60_000,
    alertEvaluateIntervalMs: c.ALERT_EVALUATE_INTERVAL_MS,
    demoUsersAllowed: !production,
  };
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseEnv(process.env);
  return cached;
}
