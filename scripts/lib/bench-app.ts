// The app a receiver benchmark measures: a fresh database, the production build
// (built first if the sources changed), served as `npm start` serves it and,
// when asked, also under plain `next start` (as on Vercel), each answering
// /api/health before the benchmark starts.
import type { ChildProcess } from "node:child_process";
import { createTestDatabase } from "@/lib/db/test-database";
import { spawnAppServer } from "./app-server";
import { buildIsStale, nextBuild } from "./next-build";
import { ROOT } from "./stack";
import { waitForHttp } from "./wait-for-http";

export interface BenchApp {
  databaseUrl: string;
  /** The server `npm start` runs, and plain `next start` when asked for. */
  app: ChildProcess;
  nextStart: ChildProcess | null;
  /** Ends the servers and drops the database. */
  stop(): Promise<void>;
}

/** What a benchmarked server of the app needs in its environment. */
export function benchServerEnv(databaseUrl: string, webhookSecret: string) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    POINTS_WEBHOOK_SECRETS: webhookSecret,
    AUTH_SECRET: "bench-auth-secret-bench-auth-secret-0",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production" as const,
  };
}

export async function startBenchApp(opts: {
  /** Of the database's name. */
  prefix: string;
  webhookSecret: string;
  port: number;
  nextStartPort?: number;
  /** A server's own environment, e.g. to preload a probe into it. */
  envFor?: (server: "app" | "next-start", env: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
}): Promise<BenchApp> {
  const envFor = opts.envFor ?? ((_server, env) => env);
  const database = await createTestDatabase({ prefix: opts.prefix });
  const env = benchServerEnv(database.url, opts.webhookSecret);
  const servers: ChildProcess[] = [];
  let app: ChildProcess | null = null;
  let nextStart: ChildProcess | null = null;
  const stop = async () => {
    for (const server of servers) {
      server.kill("SIGTERM");
      await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
    }
    await database.drop();
  };
  try {
    if (buildIsStale(ROOT)) nextBuild(ROOT, env);
    app = spawnAppServer({ port: opts.port, env: envFor("app", env), stdio: "ignore" });
    servers.push(app);
    if (opts.nextStartPort) {
      const nextEnv = envFor("next-start", env);
      nextStart = spawnAppServer({ port: opts.nextStartPort, env: nextEnv, plainNext: true, stdio: "ignore" });
      servers.push(nextStart);
    }
    for (const port of [opts.port, opts.nextStartPort].filter(Boolean))
      await waitForHttp(`http://127.0.0.1:${port}/api/health`, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl: database.url, app: app!, nextStart, stop };
}
