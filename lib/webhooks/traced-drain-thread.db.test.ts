// On Vercel the webhook route's function holds the files Next's build traced
// for it (output file tracing: .next/server/app/api/webhooks/points/
// route.js.nft.json, which Vercel's builder packs). The route starts its drain
// thread from a worker chunk of its own (route-drain.ts), so that chunk, every
// chunk it loads and every package those load must be in the trace. Here the
// traced files alone are copied to a scratch directory outside the project,
// where nothing else can be found, and the drain thread is started from that
// copy against a real PostgreSQL: it must apply a stored delivery. A file the
// thread needs and the trace leaves out fails this as it would the function.
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { ensureBuild } from "@/scripts/scale-out/fleet";
import { ROOT } from "@/scripts/lib/stack";

const ROUTE_DIR = path.join(ROOT, ".next/server/app/api/webhooks/points");

let database: TestDatabase;
let db: Db;
let bundle: string;
let worker: Worker | undefined;

/** Copies each traced file (symbolic links as links) under `into`, at its place relative to the project. */
function copyTrace(into: string): string[] {
  const { files } = JSON.parse(readFileSync(path.join(ROUTE_DIR, "route.js.nft.json"), "utf8")) as { files: string[] };
  return ["route.js", ...files].map((file) => {
    const from = path.resolve(ROUTE_DIR, file);
    const relative = path.relative(ROOT, from);
    if (relative.startsWith("..")) throw new Error(`traced file outside the project: ${from}`);
    const to = path.join(into, relative);
    mkdirSync(path.dirname(to), { recursive: true });
    if (lstatSync(from).isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else cpSync(from, to, { recursive: true });
    return relative;
  });
}

beforeAll(async () => {
  ensureBuild(process.env);
  database = await createTestDatabase({ prefix: "traced_drain" });
  db = createDb(database.url);
  bundle = mkdtempSync(path.join(os.tmpdir(), "points-ops-function-"));
}, 600_000);

afterAll(async () => {
  await worker?.terminate();
  await db?.$disconnect();
  await database?.drop();
  if (bundle) rmSync(bundle, { recursive: true, force: true });
});

it("starts the route's drain thread from the traced files alone and applies a stored delivery", async () => {
  const copied = copyTrace(bundle);
  const entry = copied.find((file) => /^\.next\/server\/chunks\/.*drain-thread-entry.*\.js$/.test(file));
  expect(entry, "the drain thread's worker chunk is in the route's trace").toBeDefined();

  await storeDelivery(db, { order: fixtureOrder({ order_number: "TRACED-1" }) });

  worker = new Worker(path.join(bundle, entry!), {
    // As a production function's environment has them (lib/config/env.ts refuses a build without AUTH_SECRET).
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NODE_ENV: "production",
      AUTH_SECRET: "traced-drain-auth-secret-0123456789",
    },
  });
  const failed = new Promise<never>((_, reject) => {
    worker!.once("error", reject);
    worker!.once("exit", (code) => reject(new Error(`the drain thread exited (${code})`)));
  });
  worker.postMessage(null);
  const status = () =>
    db.webhookDelivery
      .findFirst({ where: { orderNumber: "TRACED-1" }, select: { status: true } })
      .then((d) => d?.status);
  await Promise.race([expect.poll(status, { timeout: 20_000 }).toBe("processed"), failed]);
  expect(await db.order.findFirst({ where: { orderNumber: "TRACED-1" }, select: { orderStatus: true } })).toEqual({
    orderStatus: "approved",
  });
}, 60_000);
