// AUTH_SECRET, CRON_SECRET and CHECKOUT_CALLBACK_SECRET for local use:
// generated once into .data/ so that sessions and signed callback links survive
// restarts. Never used when POINTS_ENV=production.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type LocalSecrets = Record<"AUTH_SECRET" | "CRON_SECRET" | "CHECKOUT_CALLBACK_SECRET", string>;

export function localSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "local-secrets.json");
  let stored: Partial<LocalSecrets> = {};
  try {
    stored = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    // first run
  }
  const secrets: LocalSecrets = {
    AUTH_SECRET: stored.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    CRON_SECRET: stored.CRON_SECRET ?? randomBytes(24).toString("base64url"),
    // Added later than the others: files of earlier runs get it on their next start.
    CHECKOUT_CALLBACK_SECRET: stored.CHECKOUT_CALLBACK_SECRET ?? randomBytes(24).toString("base64url"),
  };
  if (Object.keys(stored).length !== Object.keys(secrets).length) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return secrets;
}
