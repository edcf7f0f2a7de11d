// Structured JSON logs (pino). Fields that carry credentials or personal data
// are removed by name, and every string is scrubbed of the configured secrets
// and of phone numbers, whatever field it sits in.
import pino from "pino";
import { createScrubber } from "./scrub";

const REDACT = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "headers.cookie",
  "headers.authorization",
  'headers["x-api-key"]',
  'headers["x-webhook-secret"]',
  "*.headers.cookie",
  "*.headers.authorization",
  '*.headers["x-api-key"]',
  '*.headers["x-webhook-secret"]',
  "phone_number",
  "*.phone_number",
  "name",
  "*.customer_name",
  "customer_name",
];

function configuredSecrets(env: Record<string, string | undefined>): string[] {
  // ALERT_WEBHOOK_URL too: a Slack incoming-webhook URL is itself the credential.
  const list = [
    env.POINTS_PRIVATE_KEY,
    env.POINTS_PUBLIC_KEY,
    env.AUTH_SECRET,
    env.CRON_SECRET,
    env.ALERT_WEBHOOK_URL,
    ...(env.POINTS_WEBHOOK_SECRETS ?? "").split(","),
  ];
  return list.map((s) => s?.trim() ?? "").filter(Boolean);
}

export function createLogger(
  destination?: pino.DestinationStream,
  env: Record<string, string | undefined> = process.env,
) {
  const scrub = createScrubber(configuredSecrets(env));
  return pino(
    {
      level: env.LOG_LEVEL ?? "info",
      base: { app: "points-ops" },
      redact: { paths: REDACT, censor: "[redacted]" },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrub(a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

const holder = globalThis as unknown as { pointsOpsLogger?: pino.Logger };

export function getLogger(): pino.Logger {
  holder.pointsOpsLogger ??= createLogger();
  return holder.pointsOpsLogger;
}
