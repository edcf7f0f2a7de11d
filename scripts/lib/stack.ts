// Brings up what the app needs around it — PostgreSQL (embedded unless
// DATABASE_URL is set), migrations, local secrets and the Points sandbox double
// (unless POINTS_API_BASE_URL points elsewhere) — and tears it down again.
import { createHash } from "node:crypto";
import path from "node:path";
import { ensurePostgres, type EnsurePostgresOptions, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { sleep } from "@/lib/db/process-utils";
import { applyMigrations } from "@/lib/db/migrate";
import { ConfigError, parseEnv, SANDBOX_DEFAULTS, type Config } from "@/lib/config/env";
import { fidelityFromEnv } from "@/lib/sim/fidelity";
import { startSim, type SimServer } from "@/lib/sim/server";
import { localSecrets } from "./local-secrets";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = path.join(ROOT, ".data");

export interface Stack {
  env: NodeJS.ProcessEnv;
  config: Config;
  appUrl: string;
  sim?: SimServer;
  stop(): Promise<void>;
}

export interface StackOptions {
  port: number;
  simPort: number;
  /** Use this database instead of DATABASE_URL / the embedded one (tests). */
  databaseUrl?: string;
  /** Keep the double's orders in .data/ across restarts, so they match the database. */
  persistSim?: boolean;
  /**
   * Command-line tools (reconcile, smoke): use the double already answering on
   * this port (the one `npm start` runs) rather than a second one, which would
   * hold a stale copy of its orders and write the same state file.
   */
  reuseSimOnPort?: number;
  log?: (line: string) => void;
  /** npm start: bring the embedded PostgreSQL back (same data) whenever it dies. */
  healPostgres?: boolean;
  /** Another embedded server than the repo's (tests). */
  embedded?: Pick<EnsurePostgresOptions, "dataDir" | "port">;
}

const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;

export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    PORT: String(opts.port),
  };
  const stoppers: Array<() => Promise<void>> = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    for (const s of stoppers.reverse()) await s().catch((e) => log(`shutdown: ${String(e)}`));
  };

  try {
    if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
    if (!env.DATABASE_URL) {
      const pgOptions = { ...opts.embedded, log: (l: string) => log(`[postgres] ${l}`) };
      let pg = await ensurePostgres(pgOptions);
      stoppers.push(() => pg.stop());
      // Same data dir and port, so DATABASE_URL stays right and the app's pools reconnect by themselves.
      const heal = (running: RunningPostgres) =>
        void running.exited?.then(async () => {
          for (let delay = FIRST_RESTART_DELAY_MS; !stopping; delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS)) {
            log("[postgres] PostgreSQL stopped unexpectedly; restarting it on the same data…");
            try {
              pg = await ensurePostgres(pgOptions);
              if (stopping) return await pg.stop(); // stop() ran while this restart was under way
              log("[postgres] PostgreSQL is back");
              return heal(pg);
            } catch (error) {
              log(
                `[postgres] restart failed (${error instanceof Error ? error.message : String(error)}); next try in ${delay / 1000} s`,
              );
              await sleep(delay);
            }
          }
        });
      if (opts.healPostgres) heal(pg);
      env.DATABASE_URL = pg.databaseUrl;
      log(
        pg.owned
          ? "PostgreSQL: embedded, started (data in .data/pg)"
          : "PostgreSQL: embedded, already running (shared)",
      );
    } else {
      log("PostgreSQL: DATABASE_URL (no embedded server)");
    }
    const { applied } = await applyMigrations(env.DATABASE_URL);
    log(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Migrations: up to date");

    if (env.POINTS_ENV !== "production")
      Object.assign(env, {
        ...localSecrets(DATA_DIR),
        ...pick(process.env, ["AUTH_SECRET", "CRON_SECRET", "CHECKOUT_CALLBACK_SECRET"]),
      });

    const appUrl = `http://localhost:${opts.port}`;
    // The sandbox's customer page shows a demo store, so it looks as it will with the merchant's own.
    if (env.POINTS_ENV !== "production" && !env.MERCHANT_NAME)
      Object.assign(env, { MERCHANT_NAME: "Demo Store", MERCHANT_LOGO_URL: `${appUrl}/demo-store-logo.svg` });
    let sim: SimServer | undefined;
    const running =
      !env.POINTS_API_BASE_URL && opts.reuseSimOnPort ? await runningDouble(opts.reuseSimOnPort) : undefined;
    if (running) {
      env.POINTS_API_BASE_URL = running;
      log(`Points sandbox double: the one already running at ${running}`);
    } else if (!env.POINTS_API_BASE_URL) {
      const secret = (env.POINTS_WEBHOOK_SECRETS ?? SANDBOX_DEFAULTS.webhookSecret).split(",")[0]!.trim();
      sim = await startSim({
        port: opts.simPort,
        webhookSecret: secret,
        webhookUrls: [`http://127.0.0.1:${opts.port}/api/webhooks/points`],
        stateFile: opts.persistSim ? perDatabaseFile("sim-state", env.DATABASE_URL, "json") : undefined,
        fidelity: fidelityFromEnv(env.SIM_MODE),
      });
      stoppers.push(() => sim!.close());
      env.POINTS_API_BASE_URL = sim.apiBaseUrl;
      log(`Points sandbox double: ${sim.url} (${env.SIM_MODE || "extended"} mode)`);
    }

    const config = parseEnv(env);
    return { env, config, appUrl, sim, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function runningDouble(port: number): Promise<string | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) });
    const body = (await res.json()) as { sim?: string; api_base_url?: string };
    return body.sim === "points-sandbox-double" ? body.api_base_url : undefined;
  } catch {
    return undefined;
  }
}

// One file per database: the double's orders must match the orders that database holds, and
// receiver failures noted for a database are written to that database.
export function perDatabaseFile(name: string, databaseUrl: string, ext: string): string {
  return path.join(DATA_DIR, `${name}-${createHash("sha256").update(databaseUrl).digest("hex").slice(0, 12)}.${ext}`);
}

function pick(env: NodeJS.ProcessEnv, names: string[]) {
  return Object.fromEntries(names.filter((n) => env[n]).map((n) => [n, env[n]]));
}

/** Prints a config error as the one line it is, anything else with its message. */
export function exitWithError(error: unknown): never {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
  console.error(`points-ops: ${message}`);
  process.exit(1);
}
