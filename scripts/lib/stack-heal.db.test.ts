// npm start's stack brings its embedded PostgreSQL back after a kill -9, on the
// same data. On its own data dir and port so the shared server is not disturbed.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dataRoot } from "@/lib/db/paths";
import { isProcessAlive } from "@/lib/db/process-utils";
import { startStack, type Stack } from "./stack";

const dataDir = path.join(dataRoot(), "pg-test-heal");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function query(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

let stack: Stack | undefined;
afterAll(async () => {
  await stack?.stop();
  for (const leftover of [dataDir, `${dataDir}.log`, `${dataDir}.lock`, `${dataDir}-owner.pid`, `${dataDir}-clients`])
    fs.rmSync(leftover, { recursive: true, force: true });
});

describe("the npm start stack", () => {
  it(
    "restarts an embedded PostgreSQL killed with -9, keeping its data, and says so",
    { timeout: 180_000 },
    async () => {
      const lines: string[] = [];
      const [port, simPort, pgPort] = [await freePort(), await freePort(), await freePort()];
      stack = await startStack({
        port,
        simPort,
        embedded: { dataDir, port: pgPort },
        healPostgres: true,
        log: (line) => {
          lines.push(line);
          console.log(line);
        },
      });
      const url = stack.env.DATABASE_URL!;
      await query(
        url,
        "INSERT INTO receiver_failures (status, reason, occurred_at) VALUES (503, 'before-kill', now())",
      );

      const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      await expect.poll(() => isProcessAlive(pid, "postgres"), { timeout: 10_000 }).toBe(false);

      await expect
        .poll(() => query(url, "SELECT reason FROM receiver_failures").catch(() => null), {
          timeout: 60_000,
          interval: 250,
        })
        .toEqual([{ reason: "before-kill" }]);
      expect(lines).toContain("[postgres] PostgreSQL stopped unexpectedly; restarting it on the same data…");
      // The server answers a moment before the supervisor has said so.
      await expect.poll(() => lines, { timeout: 10_000 }).toContain("[postgres] PostgreSQL is back");
      const newPid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      expect(newPid).not.toBe(pid);

      // Ctrl-C still stops everything: the restarted server too.
      await stack.stop();
      stack = undefined;
      await expect.poll(() => isProcessAlive(newPid, "postgres"), { timeout: 20_000 }).toBe(false);
    },
  );
});
