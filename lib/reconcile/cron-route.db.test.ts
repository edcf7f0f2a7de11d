// The cron entry point, called as Vercel Cron would, against the double and a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { startSim, type SimServer } from "@/lib/sim/server";

const SECRET = "cron-secret-for-reconcile-tests";
let database: TestDatabase;
let sim: SimServer;
let db: Db;
let GET: (request: Request) => Promise<Response>;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "reconcile_cron" });
  sim = await startSim({ port: 0 });
  db = createDb(database.url);
  // getConfig() reads the environment once, when the route first needs it.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    CRON_SECRET: SECRET,
    POINTS_API_BASE_URL: sim.apiBaseUrl,
    POINTS_PRIVATE_KEY: sim.privateKey,
    POINTS_PUBLIC_KEY: sim.publicKey,
  });
  ({ GET } = await import("@/app/api/cron/reconcile/route"));
});
afterAll(async () => {
  const holder = globalThis as unknown as { pointsOpsDb?: Db };
  await holder.pointsOpsDb?.$disconnect();
  await db.$disconnect();
  await sim.close();
  await database.drop();
});

const call = (authorization?: string) =>
  GET(new Request("http://localhost/api/cron/reconcile", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/reconcile", () => {
  it("401 without the cron secret, and nothing runs", async () => {
    expect((await call()).status).toBe(401);
    expect((await call("Bearer not-the-secret-at-all")).status).toBe(401);
    expect(await db.reconcileRun.count()).toBe(0);
  });

  it("runs and answers with the run's summary", async () => {
    const uuid = crypto.randomUUID();
    await applyOrderSnapshot(db, {
      uuid,
      orderNumber: "ONLY-HERE",
      referenceNumber: null,
      type: "earning",
      orderStatus: "approved",
      paymentStatus: null,
      totalPrice: 10,
      totalPoints: 100,
      metadata: null,
      createdAt: null,
      updatedAt: new Date().toISOString(),
    });
    const res = await call(`Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      status: "completed",
      planned: 1,
      checked: 1,
      differing: 1,
      errors: 0,
    });
    expect(await db.reconcileDifference.findMany({ select: { orderUuid: true, kind: true } })).toEqual([
      { orderUuid: uuid, kind: "missing_at_points" },
    ]);
  });

  it("called every minute: idle once today's run is done, continues a run still going", async () => {
    expect(await (await call(`Bearer ${SECRET}`)).json()).toEqual({ ok: true, status: "idle" });
    expect(await db.reconcileRun.count()).toBe(1);

    // A run a slice left unfinished (lease expired): the next call carries it on.
    const open = await db.reconcileRun.create({
      data: { trigger: "cron", startedAt: new Date(), planned: 1, lockedUntil: null },
    });
    const res = await call(`Bearer ${SECRET}`);
    expect(await res.json()).toMatchObject({ runId: open.id, status: "completed", resumed: true, checked: 1 });
    expect(await db.reconcileRun.count()).toBe(2);
  });
});
