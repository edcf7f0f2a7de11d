// Lifecycle of the embedded server, on its own data dir and port so the shared
// server (.data/pg) is not disturbed.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePostgres, type RunningPostgres } from "./embedded-postgres";
import { dataRoot, repoRoot } from "./paths";
import { withClient, withDatabase } from "./pg-admin";
import { isProcessAlive } from "./process-utils";

const dataDir = path.join(dataRoot(), "pg-test-lifecycle");
const port = 54339;
const fixture = path.join(repoRoot(), "lib/db/test-fixtures/postgres-child.ts");

type ChildInfo = { owned: boolean; serverUrl: string; pid: number };

/** Runs the fixture; resolves with its JSON line and the child handle. */
function runChild(mode: "once" | "hold" | "exit-code") {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, dataDir, String(port), mode], {
    cwd: repoRoot(),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const info = new Promise<ChildInfo>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once("line", (line) => resolve(JSON.parse(line)));
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before reporting`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, info, exited };
}

const answers = (serverUrl: string) =>
  withClient(
    withDatabase(serverUrl, "postgres"),
    async (c) => (await c.query("SELECT 1 AS ok")).rows[0].ok === 1,
  ).catch(() => false);

const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

describe("ensurePostgres", () => {
  let first: RunningPostgres | undefined;
  let serverUrl = "";

  beforeAll(async () => {
    first = await ensurePostgres({ dataDir, port });
    serverUrl = first.serverUrl;
  });
  afterAll(async () => {
    await first?.stop();
  });

  it("starts and owns a server, creating the database", async () => {
    expect(first!.owned).toBe(true);
    expect(first!.databaseUrl).toBe(`${first!.serverUrl}/points_ops`);
    const db = await withClient(
      first!.databaseUrl,
      async (c) => (await c.query("SELECT current_database() AS d")).rows[0].d,
    );
    expect(db).toBe("points_ops");
  });

  it("reuses the running server on a second call in the same process", async () => {
    const second = await ensurePostgres({ dataDir, port, database: "other_db" });
    expect(second.owned).toBe(false);
    expect(second.serverUrl).toBe(first!.serverUrl);
    await second.stop(); // no-op: not the owner
    expect(await answers(first!.serverUrl)).toBe(true);
  });

  it("is reused by another process, which leaves it running", async () => {
    const { info, exited } = runChild("once");
    expect(await info).toMatchObject({ owned: false, serverUrl: first!.serverUrl });
    expect(await exited).toBe(0);
    expect(await answers(first!.serverUrl)).toBe(true);
  });

  it("passes ownership to a process still using the server when the owner stops", async () => {
    const { child, info, exited } = runChild("hold");
    expect((await info).owned).toBe(false);
    const postmaster = postmasterPid();

    await first!.stop();
    first = undefined;
    expect(await answers(serverUrl)).toBe(true);

    child.kill("SIGTERM"); // the heir's stop() now really stops the server
    expect(await exited).toBe(143);
    expect(await answers(serverUrl)).toBe(false);
    expect(isProcessAlive(postmaster, "postgres")).toBe(false);

    first = await ensurePostgres({ dataDir, port });
    expect(first.owned).toBe(true);
  });

  it("replaces a server left behind by an owner killed with -9", async () => {
    await first!.stop();
    first = undefined;

    const { child, info, exited } = runChild("hold");
    expect((await info).owned).toBe(true);
    const leftover = postmasterPid();
    child.kill("SIGKILL");
    await exited;
    expect(isProcessAlive(leftover, "postgres")).toBe(true);

    first = await ensurePostgres({ dataDir, port });
    expect(first.owned).toBe(true);
    expect(isProcessAlive(leftover, "postgres")).toBe(false);
    expect(postmasterPid()).not.toBe(leftover);
    expect(await answers(first.serverUrl)).toBe(true);
  });

  it("explains a port held by another program", async () => {
    await first!.stop();
    first = undefined;
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const busyPort = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(ensurePostgres({ dataDir, port: busyPort })).rejects.toThrow(
        `port ${busyPort} is in use by another program; set EMBEDDED_PG_PORT`,
      );
    } finally {
      blocker.close();
    }
  });

  it("leaves the exit code of a process that started a server alone", async () => {
    // The library's exit hook used to turn it into 0, so a failing vitest run passed.
    const { info, exited } = runChild("exit-code");
    expect((await info).owned).toBe(true);
    expect(await exited).toBe(3);
  });

  // No upper bound on how long: on a shared 2-core machine any figure flakes; a hang fails the test's timeout.
  it("stops, and the server no longer answers", async () => {
    const pg = await ensurePostgres({ dataDir, port });
    await pg.stop();
    expect(await answers(pg.serverUrl)).toBe(false);
  });
});
