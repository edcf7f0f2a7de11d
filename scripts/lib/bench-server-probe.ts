// What bench:webhooks reads of a server it measures, from outside the server:
// the CPU time it used (/proc/<pid>/stat), which on a loaded machine says more
// than req/s, and its event loop's delay and GC pauses (loop-delay-probe.mjs, preloaded);
// and the CPU time PostgreSQL used meanwhile, when it runs on the same machine.
import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { childrenOf, procStat } from "@/lib/db/process-utils";
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
  // utime and stime are the 12th and 13th fields after the command name (clock ticks, 100 a second).
  const stat = pid === undefined ? null : procStat(pid);
  return stat ? (Number(stat[11]) + Number(stat[12])) * 10 : Number.NaN;
}

/**
 * CPU time (user + system, ms) a PostgreSQL server has used so far: the postmaster's own, its exited
 * backends' (which it has reaped: cutime, cstime) and its live ones'. Linux and a local server only; NaN elsewhere.
 */
export function postgresCpuMs(postmasterPid: number): number {
  const own = procStat(postmasterPid);
  if (!own) return Number.NaN;
  const ownAndReaped = (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) * 10;
  // A backend that exits between the listing and the reading counts as 0 here, and in cutime at the next call.
  return childrenOf(postmasterPid).reduce((sum, pid) => sum + (cpuMs(pid) || 0), ownAndReaped);
}

/** The postmaster behind a backend: its parent process (Linux); null when the server is not on this machine. */
export function postmasterOf(backendPid: number): number | null {
  const parent = Number(procStat(backendPid)?.[1]);
  try {
    // A remote server's backend id may well name some process here: only a local postgres counts.
    return readFileSync(`/proc/${parent}/comm`, "utf8").trim() === "postgres" ? parent : null;
  } catch {
    return null;
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
