// What bench:webhooks reads of a server it measures, from outside the server:
// the CPU time it used (/proc/<pid>/stat), which on a loaded machine says more
// than req/s, and its event loop's delay and GC pauses (loop-delay-probe.mjs, preloaded);
// and the CPU time PostgreSQL used meanwhile, when it runs on the same machine.
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
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

/** The fields of /proc/<pid>/stat after the command name (state is the 1st, ppid the 2nd); null once the process is gone. */
function procStat(pid: number | string): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  } catch {
    return null;
  }
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
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const child = procStat(entry);
    if (child && Number(child[1]) === postmasterPid) ticks += Number(child[11]) + Number(child[12]);
  }
  return ticks * 10;
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
