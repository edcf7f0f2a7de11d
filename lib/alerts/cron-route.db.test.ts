// The cron entry point, called as Vercel Cron would, against a real database
// and a local alert receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { plantCalls } from "@/lib/testing/alert-fixtures";
import { startAlertReceiver, type AlertReceiver } from "@/lib/testing/alert-receiver";
import { noteReceiverFailure } from "@/lib/webhooks/receiver-failures";

const SECRET = "cron-secret-for-alert-tests";
let database: TestDatabase;
let db: Db;
let sql: ReturnType<typeof createReceiverPool>;
let receiver: AlertReceiver;
let GET: (request: Request) => Promise<Response>;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "alerts_cron" });
  db = createDb(database.url);
  sql = createReceiverPool(database.url);
  receiver = await startAlertReceiver();
  // getConfig() reads the environment once, when the route first needs it.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    CRON_SECRET: SECRET,
    ALERT_WEBHOOK_URL: receiver.url,
  });
  ({ GET } = await import("@/app/api/cron/alerts/route"));
});

afterAll(async () => {
  const holder = globalThis as unknown as { pointsOpsDb?: Db };
  await holder.pointsOpsDb?.$disconnect();
  await db.$disconnect();
  await sql.end();
  await receiver.close();
  await database.drop();
});

const call = (authorization?: string) =>
  GET(new Request("http://localhost/api/cron/alerts", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/alerts", () => {
  it("401 without the cron secret, and nothing is evaluated", async () => {
    await plantCalls(db, 500, new Date());
    expect((await call()).status).toBe(401);
    expect((await call("Bearer not-the-secret-at-all")).status).toBe(401);
    expect(await db.alert.count()).toBe(0);
  });

  it("evaluates, records the receiver's noted failures first, and posts what fired", async () => {
    noteReceiverFailure(sql, 503, "unreachable");
    const response = await call(`Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, skipped: false, firing: 2, notifications: { sent: 2, failed: 0 } });
    expect(body.fired.sort()).toEqual(["points_5xx", "receiver_5xx"]);
    expect(await db.receiverFailure.count()).toBe(1);
    expect(receiver.texts()).toEqual([expect.stringContaining("FIRING"), expect.stringContaining("FIRING")]);
  });
});
