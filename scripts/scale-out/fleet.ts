// Several app servers on one database, as an operator runs them behind a load
// balancer: scripts/serve.ts (npm start's server) and plain `next start`
// (what a host without our custom server runs), each its own process group that the
// scale-out suite can kill, stop and resume as a whole.
import type { ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawnAppServer } from "../lib/app-server";
import { buildIsStale, nextBuild } from "../lib/next-build";
import { DATA_DIR, ROOT } from "../lib/stack";
import { waitForHttp } from "../lib/wait-for-http";

export type ServerKind = "serve" | "next-start";

export interface AppInstance {
  name: string;
  kind: ServerKind;
  url: string;
  child: ChildProcess;
  /** SIGSTOP: frozen, as a stalled VM or a stop-the-world pause leaves it. */
  pause(): void;
  resume(): void;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The production build the servers run; built only when the sources changed (shared with e2e). */
export function ensureBuild(env: NodeJS.ProcessEnv): void {
  if (buildIsStale(ROOT)) nextBuild(ROOT, { ...env, NODE_ENV: "production" });
}

/** `logName`: the servers' output goes to .data/<logName>-<instance>.log (one name per suite: suites run in parallel). */
export async function startFleet(
  kinds: ServerKind[],
  env: NodeJS.ProcessEnv,
  logName = "scale-out",
): Promise<AppInstance[]> {
  mkdirSync(DATA_DIR, { recursive: true });
  const instances = await Promise.all(
    kinds.map(async (kind, i): Promise<AppInstance> => {
      const name = `${String.fromCharCode(65 + i)}-${kind}`;
      const port = await freePort();
      const child = spawnAppServer({
        port,
        env,
        plainNext: kind === "next-start",
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      const log = createWriteStream(path.join(DATA_DIR, `${logName}-${name}.log`));
      child.stdout!.pipe(log);
      child.stderr!.pipe(log);
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      // The whole instance: serve.ts runs Next.js in a second process (scripts/lib/pages-process.ts).
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, name);
        } catch {
          // The group is gone already.
        }
      };
      return {
        name,
        kind,
        url: `http://127.0.0.1:${port}`,
        child,
        pause: () => signal("SIGSTOP"),
        resume: () => signal("SIGCONT"),
        kill: async (name = "SIGTERM") => {
          if (child.exitCode === null && child.signalCode === null) {
            signal("SIGCONT");
            signal(name);
          }
          await exited;
        },
      };
    }),
  );
  try {
    await Promise.all(instances.map((s) => waitForHttp(`${s.url}/api/health`, 120_000)));
    // Next loads a route on its first request: a GET (405) loads the receiver's before Points' first delivery.
    await Promise.all(instances.map((s) => fetch(`${s.url}/api/webhooks/points`).then((r) => r.text())));
  } catch (error) {
    await Promise.all(instances.map((s) => s.kill("SIGKILL")));
    throw error;
  }
  return instances;
}
