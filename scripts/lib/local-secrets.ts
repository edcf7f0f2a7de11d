// AUTH_SECRET and CRON_SECRET for local use: generated once into .data/ so that
// sessions survive restarts. Never used when POINTS_ENV=production.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function localSecrets(dataDir: string): { AUTH_SECRET: string; CRON_SECRET: string } {
  const file = path.join(dataDir, "local-secrets.json");
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    const secrets = {
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      CRON_SECRET: randomBytes(24).toString("base64url"),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
    return secrets;
  }
}
