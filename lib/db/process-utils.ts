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
