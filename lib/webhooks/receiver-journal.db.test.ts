// Receiver failures noted while the database is away survive the process that
// noted them: the self-hosted server's journal under .data/ is read back by the
// next process and written to receiver_failures once the database answers.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { repoRoot } from "@/lib/db/paths";
import { keepReceiverFailureJournal, pendingReceiverFailures } from "./receiver-failures";

let database: TestDatabase;
let db: Db;
let sql: ReturnType<typeof createReceiverPool>;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "receiver_journal" });
  db = createDb(database.url);
  sql = createReceiverPool(database.url);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "receiver-journal-"));
});

afterAll(async () => {
  await db?.$disconnect();
  await sql?.end();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("receiver failure journal", () => {
  it("keeps failures noted by a process killed before the database came back, and writes them after a restart", async () => {
    const journal = path.join(dir, "receiver-failures.jsonl");
    const crashed = spawnSync(
      process.execPath,
      ["--import", "tsx", path.join(repoRoot(), "lib/testing/note-receiver-failures-then-crash.ts"), journal, "3"],
      { cwd: repoRoot(), encoding: "utf8" },
    );
    expect(crashed.signal, crashed.stderr).toBe("SIGKILL");
    expect(fs.readFileSync(journal, "utf8").trim().split("\n")).toHaveLength(3);

    // The next process (this one) starts with a database that answers.
    keepReceiverFailureJournal(journal, sql);
    await expect.poll(() => db.receiverFailure.findMany(), { timeout: 20_000, interval: 250 }).toHaveLength(3);
    expect((await db.receiverFailure.findMany()).every((f) => f.status === 503 && f.reason === "store_failed")).toBe(
      true,
    );
    expect(pendingReceiverFailures()).toBe(0);
    expect(fs.readFileSync(journal, "utf8")).toBe("");

    // A later restart finds nothing left to write twice.
    keepReceiverFailureJournal(journal, sql);
    expect(pendingReceiverFailures()).toBe(0);
    expect(await db.receiverFailure.count()).toBe(3);
  });

  it("ignores a line cut short by a crash mid-write", async () => {
    const journal = path.join(dir, "cut.jsonl");
    fs.writeFileSync(
      journal,
      `{"status":503,"reason":"store_failed","occurredAt":"2026-12-01T10:00:00.000Z"}\n{"status":50`,
    );
    await db.receiverFailure.deleteMany();
    keepReceiverFailureJournal(journal, sql);
    await expect.poll(() => db.receiverFailure.count(), { timeout: 20_000, interval: 250 }).toBe(1);
  });
});
