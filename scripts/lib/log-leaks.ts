// The e2e run keeps everything the app server printed and fails if any secret
// it was configured with, or a value the tests planted, shows up in it.
import { readFileSync } from "node:fs";

/** Planted by e2e/log-redaction.spec.ts (and others) in headers, bodies and query strings. */
export const PLANTED = [
  "0551234567",
  "551234567",
  "not-the-password",
  "planted-wrong-secret-7f3a",
  "Nourah Planted-Customer",
] as const;

export function findLeaks(logFile: string, env: Record<string, string | undefined>): string[] {
  const text = readFileSync(logFile, "utf8");
  const secrets: Array<[string, string | undefined]> = [
    ["POINTS_PRIVATE_KEY", env.POINTS_PRIVATE_KEY ?? "points-demo-private-key"],
    ["AUTH_SECRET", env.AUTH_SECRET],
    ["CRON_SECRET", env.CRON_SECRET],
    ["CHECKOUT_CALLBACK_SECRET", env.CHECKOUT_CALLBACK_SECRET],
    ...(env.POINTS_WEBHOOK_SECRETS ?? "points-demo-webhook-secret")
      .split(",")
      .map((s): [string, string] => ["POINTS_WEBHOOK_SECRETS", s.trim()]),
    ...PLANTED.map((p): [string, string] => ["a planted value", p]),
  ];
  return secrets.filter(([, value]) => value && text.includes(value)).map(([name]) => name);
}
