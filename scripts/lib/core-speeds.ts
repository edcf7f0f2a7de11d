// How fast each core of the machine runs the same JavaScript right now, for the
// benches to print beside their figures. On the two-core VM the benches were
// built on, the host gave its two cores unequal and changing shares (one ran a
// fixed loop 40 % slower than the other for minutes, then they evened out; the
// guest counted both idle and no steal time), and a server's round runs on
// whichever core the guest places it: a ratio between two servers can move with
// that alone (docs/architecture.md, "The machine under the bench moves too").
import { spawnSync } from "node:child_process";
import os from "node:os";

// ~140 ms on a fast core of that VM: long enough to see a slow share, short enough to run between rounds.
// The sum is printed (as nothing) so that V8 cannot drop the loop as dead code.
const LOOP = `const t = performance.now(); let s = 0; for (let i = 0; i < 1e8; i++) s += i % 7;
process.stdout.write(String(performance.now() - t + (s < 0 ? 1 : 0)));`;

/** Milliseconds the loop took pinned to each core (taskset, Linux), in core order; null where it cannot be pinned. */
export function coreSpeeds(): number[] | null {
  const times: number[] = [];
  for (let core = 0; core < os.availableParallelism(); core++) {
    const run = spawnSync("taskset", ["-c", String(core), process.execPath, "-e", LOOP], { encoding: "utf8" });
    const ms = Number(run.stdout);
    if (run.status !== 0 || !Number.isFinite(ms)) return null;
    times.push(ms);
  }
  return times;
}

/** "402/585 ms" for two cores; "–" when they could not be measured. */
export const formatCoreSpeeds = (times: number[] | null) =>
  times ? `${times.map((ms) => ms.toFixed(0)).join("/")} ms` : "–";
