// Keeps a child process running: when it exits on its own it is started again,
// after a delay that doubles with each quick crash (bounded), and the output says so.
import type { ChildProcess } from "node:child_process";

export interface Supervised {
  /** The child running now. */
  current(): ChildProcess;
  /** Stops supervising and ends the child (SIGTERM), resolving once it has exited. */
  stop(): Promise<void>;
}

export function supervise(
  name: string,
  start: () => ChildProcess,
  opts: { log?: (line: string) => void; firstDelayMs?: number; maxDelayMs?: number; stableAfterMs?: number } = {},
): Supervised {
  const log = opts.log ?? ((line: string) => console.error(line));
  const firstDelay = opts.firstDelayMs ?? 1_000;
  const maxDelay = opts.maxDelayMs ?? 30_000;
  // A child that ran this long was healthy: its next crash starts the back-off afresh.
  const stableAfter = opts.stableAfterMs ?? 60_000;
  let stopped = false;
  let delay = firstDelay;
  let timer: NodeJS.Timeout | undefined;
  let child: ChildProcess;

  const run = () => {
    const startedAt = Date.now();
    child = start();
    child.once("exit", (code, signal) => {
      if (stopped) return;
      if (Date.now() - startedAt >= stableAfter) delay = firstDelay;
      log(`${name} exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s`);
      timer = setTimeout(() => {
        if (!stopped) run();
      }, delay);
      delay = Math.min(delay * 2, maxDelay);
    });
  };
  run();

  return {
    current: () => child,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
