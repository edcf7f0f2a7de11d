// Starts the dashboard as a child process: scripts/serve.ts on the production
// build (npm start, e2e, benchmark), plain `next start` on it (as a host
// without our custom server runs it; the scale-out suite), or `next dev`.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { PUBLIC_IDLE_CONNECTION_MS } from "@/lib/http/keep-alive";
import { ROOT } from "./stack";

export function spawnAppServer(opts: {
  port: number;
  env: NodeJS.ProcessEnv;
  dev?: boolean;
  plainNext?: boolean;
  stdio?: StdioOptions;
  /** In a process group of its own, so that a signal to the group reaches serve.ts's Next.js process too. */
  detached?: boolean;
}): ChildProcess {
  const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
  const args = opts.dev
    ? [nextBin, "dev", "-p", String(opts.port)]
    : opts.plainNext
      ? [nextBin, "start", "-p", String(opts.port), "--keepAliveTimeout", String(PUBLIC_IDLE_CONNECTION_MS)]
      : ["--import", "tsx", path.join(ROOT, "scripts/serve.ts")];
  return spawn(process.execPath, args, {
    cwd: ROOT,
    // React and Next choose their production builds by NODE_ENV when first loaded.
    env: { ...opts.env, PORT: String(opts.port), ...(opts.dev ? {} : { NODE_ENV: "production" }) },
    stdio: opts.stdio ?? ["ignore", "inherit", "inherit"],
    detached: opts.detached,
  });
}
