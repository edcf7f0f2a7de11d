// Points retries non-2xx answers, so while the database is down the receiver
// must answer 503 and, once it is back, store the retried delivery.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensurePostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { dataRoot } from "@/lib/db/paths";
import { createDb } from "@/lib/db/prisma";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { envelope, fixtureOrder, webhookRequest } from "@/lib/testing/webhook-fixtures";
import { receiveDelivery } from "./receive-delivery";

const SECRET = "outage-secret";
// Its own server (it is stopped mid-test) and a new database each run.
const options = { dataDir: path.join(dataRoot(), "pg-test-outage"), port: 54341, database: `outage_${Date.now()}` };
let pg: RunningPostgres | undefined;

afterAll(async () => {
  await pg?.stop();
});

describe("database outage", () => {
  it("answers 503 while PostgreSQL is stopped, then 200 for the retry once it is back", async () => {
    pg = await ensurePostgres(options);
    await applyMigrations(pg.databaseUrl);
    const db = createDb(pg.databaseUrl);
    const sql = createReceiverPool(pg.databaseUrl);
    const body = JSON.stringify(envelope("approved", fixtureOrder()));
    const send = () => receiveDelivery(sql, webhookRequest(body, SECRET), { secrets: [SECRET], sourceAddress: null });

    await pg.stop();
    const during = await send();
    expect(during.status).toBe(503);
    expect(during.body.error).toMatch(/retry/);

    pg = await ensurePostgres(options);
    const after = await send();
    expect(after).toMatchObject({ status: 200, body: { ok: true, duplicate: false } });
    expect(await db.webhookDelivery.count()).toBe(1);
    await db.$disconnect();
    await sql.end();
  });
});
