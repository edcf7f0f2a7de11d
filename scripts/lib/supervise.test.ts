import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { supervise } from "./supervise";

const node = (code: string) => spawn(process.execPath, ["-e", code], { stdio: "ignore" });

async function until(check: () => boolean, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("supervise", () => {
  it("restarts a crashing child with a doubling, bounded delay and says so", async () => {
    const lines: string[] = [];
    let starts = 0;
    const s = supervise(
      "the app server",
      () => {
        starts++;
        return node("process.exit(3)");
      },
      { log: (l) => lines.push(l), firstDelayMs: 10, maxDelayMs: 40 },
    );
    await until(() => starts >= 5);
    await s.stop();
    expect(lines[0]).toBe("the app server exited (code 3); restarting in 0.01 s");
    expect(lines.slice(0, 4).map((l) => /in ([\d.]+) s/.exec(l)![1])).toEqual(["0.01", "0.02", "0.04", "0.04"]);
  });

  it("restarts a child killed by a signal, and stop() ends it for good", async () => {
    const lines: string[] = [];
    let starts = 0;
    const s = supervise(
      "server",
      () => {
        starts++;
        return node("setInterval(() => {}, 1000)");
      },
      { log: (l) => lines.push(l), firstDelayMs: 10 },
    );
    await until(() => s.current().pid !== undefined);
    s.current().kill("SIGKILL");
    await until(() => starts === 2);
    expect(lines).toEqual(["server exited (SIGKILL); restarting in 0.01 s"]);
    const last = s.current();
    await s.stop();
    expect(last.signalCode).toBe("SIGTERM");
    await new Promise((r) => setTimeout(r, 100));
    expect(starts).toBe(2);
  });
});
