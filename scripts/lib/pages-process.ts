// Starts and keeps Next.js running in a process of its own for scripts/serve.ts
// (scripts/serve-pages.ts), and forwards requests to it. The receiver's process
// then holds no Next.js: its garbage collector no longer walks Next's heap
// between acknowledgements, and a page that crashes or hangs Next cannot stop
// Points' deliveries from being stored (docs/architecture.md, "npm start: the
// receiver's process and the pages' process").
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { forwarderTo } from "./forward-request";
import { ROOT } from "./stack";
import { supervise } from "./supervise";

export interface PagesProcess {
  /** Forwards a request to Next.js; rejects, with nothing sent, while it is not running (restarting). */
  forward(req: IncomingMessage, res: ServerResponse): Promise<void>;
  stop(): Promise<void>;
}

/** Resolves once Next.js answers on its socket; rejects if its first start fails (no build, a bad config). */
export async function startPagesProcess(port: number): Promise<PagesProcess> {
  // Only this user may enter the directory, so only this user's processes can reach the socket.
  const dir = mkdtempSync(path.join(os.tmpdir(), "points-ops-pages-"));
  const socketPath = path.join(dir, "next.sock");
  const pages = supervise("points-ops: the pages process (Next.js)", () => {
    rmSync(socketPath, { force: true });
    return fork(path.join(ROOT, "scripts/serve-pages.ts"), [socketPath], {
      cwd: ROOT,
      execArgv: ["--import", "tsx"],
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
  });
  const stop = async () => {
    await pages.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const first = pages.current();
  try {
    // serve-pages.ts says "ready" once it listens; a later exit no longer settles this.
    await new Promise<void>((resolve, reject) => {
      first.once("message", () => resolve());
      first.once("exit", (code, signal) =>
        reject(new Error(`Next.js did not start (${signal ?? `exit code ${code}`})`)),
      );
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { forward: forwarderTo(socketPath), stop };
}
