// What bench:webhooks reads of a server it measures, from outside the server:
// the CPU time it used (/proc/<pid>/stat), which on a loaded machine says more
// than req/s, and its event loop's delay and GC pauses (loop-delay-probe.mjs, preloaded).
import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { ROOT } from "./stack";

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  /** The garbage collector's pauses in the same span: their sum and the longest, in ms. */
  gcTotal: number;
  gcMax: number;
}

/** The environment that preloads the probe into a server; its figures are written to `file`. */
export function loopDelayEnv(file: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  rmSync(file, { force: true });
  const probe = `--import=${path.join(ROOT, "scripts/lib/loop-delay-probe.mjs")}`;
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, probe].filter(Boolean).join(" "), LOOP_DELAY_FILE: file };
}

/** CPU time (user + system) the process has used so far, in ms; Linux only, NaN elsewhere. */
export function cpuMs(pid: number | undefined): number {
  try {
    // Fields after the command name: state is the 1st, utime the 12th, stime the 13th (clock ticks, 100 a second).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const mtime = (file: string) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

/** The delay since the previous call (or since start-up); null when the probe did not answer. */
export async function takeLoopDelay(server: ChildProcess, file: string): Promise<LoopDelay | null> {
  const before = mtime(file);
  server.kill("SIGUSR2");
  for (let waited = 0; waited < 3_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (mtime(file) !== before) return JSON.parse(readFileSync(file, "utf8")) as LoopDelay;
  }
  return null;
}
