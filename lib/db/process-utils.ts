import fs from "node:fs";

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * True when `pid` exists, is not a zombie (our init may not reap orphans) and,
 * if `comm` is given, runs that program (guards against pid reuse).
 */
export function isProcessAlive(pid: number, comm?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "<pid> (<comm>) <state> …"; comm may contain spaces or parentheses
    const close = stat.lastIndexOf(")");
    if (stat[close + 2] === "Z") return false;
    if (comm && stat.slice(stat.indexOf("(") + 1, close) !== comm) return false;
  } catch {
    // no /proc (macOS): trust kill(0)
  }
  return true;
}

/**
 * The fields of /proc/<path>/stat after the command name (state is the 1st, the parent's id the 2nd, utime
 * and stime the 12th and 13th, nice the 17th); `path` is a pid or "<pid>/task/<tid>". Null once the process is
 * gone, or without /proc.
 */
export function procStat(path: number | string): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${path}/stat`, "utf8");
    // comm may contain spaces or parentheses
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** The process ids whose parent is `pid` (Linux /proc; none elsewhere). */
export function childrenOf(pid: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  return entries.filter((entry) => /^\d+$/.test(entry) && procStat(entry)?.[1] === String(pid)).map(Number);
}

/** Runs fn while holding an exclusive lock file (holder pid inside; stale if the holder died). */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readPid(file);
    const ageMs = Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    // An empty file is a holder between open and write, unless it stays empty.
    if ((holder !== null && !isProcessAlive(holder)) || (holder === null && ageMs > 5_000)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for lock ${file} (held by pid ${holder})`);
    await sleep(50);
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}
