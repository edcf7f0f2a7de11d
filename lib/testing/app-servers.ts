// The test matrix over the two ways the app is served: scripts/serve.ts (npm
// start; its node:http receiver answers webhooks and its drain processes them)
// and plain `next start`, as on Vercel (app/api/webhooks/points/route.ts
// answers and processes in `after()`). Suites that go through HTTP run once
// against each, on the production build, with the same assertions.
import { randomBytes } from "node:crypto";
import { describe } from "vitest";
import { MIN_POOL_SIZE } from "@/lib/config/pool-settings";
import { ensureBuild, startFleet, type AppInstance, type ServerKind } from "@/scripts/scale-out/fleet";

export const SERVER_KINDS: readonly ServerKind[] = ["serve", "next-start"];

/** `describe` once per server kind; the suite starts its own server of that kind. */
export function describeEachServer(name: string, suite: (kind: ServerKind) => void): void {
  describe.each(SERVER_KINDS)(`${name} (server: %s)`, suite);
}

export interface ServedApp {
  kind: ServerKind;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** origin + /api/webhooks/points */
  webhookUrl: string;
  cronSecret: string;
  /** The server's own process (under serve: scripts/serve.ts, whose child runs Next.js). */
  pid(): number;
  /** SIGKILL: the instance dies as a Vercel function or a crashed host does. */
  kill(): Promise<void>;
  /** A fresh instance of the same kind on the same database, after kill. */
  restart(): Promise<void>;
}

/** One server of `kind` on the production build (built first if stale) against `databaseUrl`. */
export async function startServedApp(
  kind: ServerKind,
  opts: { databaseUrl: string; webhookSecret: string; logName: string },
): Promise<ServedApp> {
  const cronSecret = randomBytes(24).toString("base64url");
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: opts.databaseUrl,
    // Never called by these suites; a closed port makes any call fail loudly.
    POINTS_API_BASE_URL: "http://127.0.0.1:9/api/v1",
    POINTS_WEBHOOK_SECRETS: opts.webhookSecret,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CRON_SECRET: cronSecret,
    DB_POOL_SIZE: String(MIN_POOL_SIZE),
  };
  ensureBuild(env);
  const start = async () => (await startFleet([kind], env, `${opts.logName}-${kind}`))[0]!;
  let instance: AppInstance = await start();
  const app: ServedApp = {
    kind,
    origin: instance.url,
    webhookUrl: `${instance.url}/api/webhooks/points`,
    cronSecret,
    pid: () => instance.child.pid!,
    kill: () => instance.kill("SIGKILL"),
    restart: async () => {
      await instance.kill("SIGKILL");
      instance = await start();
      app.origin = instance.url;
      app.webhookUrl = `${instance.url}/api/webhooks/points`;
    },
  };
  return app;
}
