// What the Go-live page reads from a real database, and sign-offs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase } from "@/lib/db/test-database";
import { endpointSecretBox } from "@/lib/webhooks/endpoint-secrets";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { gatherFacts } from "./gather-facts";
import { readSignoffs, signOff, undoSignOff } from "./sign-off";

const AUTH_SECRET = "go-live-test-auth-secret-0123456789abcdef";
let db: Db;
let drop: () => Promise<void>;
let app: http.Server;
let appUrl: string;
let admin: { id: string };

beforeAll(async () => {
  const database = await createTestDatabase({ prefix: "go_live" });
  drop = database.drop;
  db = createDb(database.url);
  admin = await db.user.create({
    data: { email: "admin@example.com", name: "Ada Admin", role: "admin" },
    select: { id: true },
  });
  // Stands in for this app's public callback page.
  app = http.createServer((req, res) =>
    res.writeHead(req.url?.startsWith("/checkout/callback?order=") ? 200 : 404).end(),
  );
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
afterAll(async () => {
  app.close();
  await db.$disconnect();
  await drop();
});

const config = (env: Record<string, string> = {}) =>
  parseEnv({
    DATABASE_URL: "postgres://x@127.0.0.1/x",
    AUTH_SECRET,
    ALERT_WEBHOOK_URL: "https://hooks.example.com/T1/abc",
    ...env,
  });

describe("gatherFacts", () => {
  it("reads deliveries, reconciliation, smoke runs of this environment, staff actions, secrets and the switch", async () => {
    const now = new Date();
    const empty = await gatherFacts(db, config(), { url: appUrl, fromEnv: false }, { now });
    expect(empty).toMatchObject({
      pointsEnv: "sandbox",
      apiHost: "127.0.0.1",
      apiHostLooksSandbox: true,
      privateKeyIsDemo: true,
      webhookSecrets: { configured: 1, demoDefault: true, stored: 0, unreadableStored: 0 },
      alertWebhookHost: "hooks.example.com",
      callbackPage: { status: 200, error: null },
      deliveries: { lastVerifiedAt: null, last24h: 0, ackP95Ms: null },
      lastCompletedReconcileAt: null,
      smoke: null,
      integration: null,
    });

    const verifiedAt = new Date(now.getTime() - 60_000);
    await storeDelivery(db, { receivedAt: verifiedAt });
    await storeDelivery(db, { rejectedBody: "nope", receivedAt: new Date(now.getTime() - 1_000) });
    await db.verificationFailure.create({ data: { reason: "wrong_secret" } });
    await db.reconcileRun.create({ data: { trigger: "cli", status: "completed", finishedAt: verifiedAt } });
    await db.actionIntent.create({
      data: {
        idempotencyKey: "k1",
        kind: "refund",
        orderUuid: crypto.randomUUID(),
        params: {},
        status: "succeeded",
        requestedById: admin.id,
        sentAt: verifiedAt,
      },
    });
    const environment = "sandbox · 127.0.0.1:4010";
    await db.smokeRun.create({
      data: {
        trigger: "cli",
        environment,
        status: "passed",
        finishedAt: verifiedAt,
        steps: { create: [{ flow: "refund", status: "passed" }] },
      },
    });
    await db.smokeRun.create({
      data: { trigger: "cli", environment: "production · api.papp.sa", status: "failed", finishedAt: now },
    });
    await db.webhookEndpointSecret.create({
      data: { endpointUuid: crypto.randomUUID(), name: "n", url: "https://x", secretCiphertext: "v1.broken.x.y" },
    });
    const uuid = crypto.randomUUID();
    await db.webhookEndpointSecret.create({
      data: {
        endpointUuid: uuid,
        name: "m",
        url: "https://y",
        secretCiphertext: endpointSecretBox(AUTH_SECRET).seal("whsec_1", uuid),
      },
    });
    await db.appSetting.create({
      data: { key: "integration_active", value: { active: false }, updatedById: admin.id },
    });

    const f = await gatherFacts(db, config(), { url: `${appUrl}/missing-prefix`, fromEnv: true }, { now });
    expect(f.deliveries).toMatchObject({
      lastVerifiedAt: verifiedAt,
      last24h: 1,
      ackP95Ms: 2.5,
      verificationFailures24h: 1,
    });
    expect(f.lastCompletedReconcileAt).toEqual(verifiedAt);
    expect(f.staffActions).toEqual({ refund: verifiedAt, cancel: null, shipping: null });
    expect(f.smoke).toMatchObject({ environment, status: "passed" });
    expect(f.webhookSecrets).toMatchObject({ stored: 1, unreadableStored: 1 });
    expect(f.integration).toMatchObject({ active: false, by: "Ada Admin" });
    expect(f.callbackPage).toMatchObject({ status: 404 });
  });

  it("says why the callback page could not be reached", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const f = await gatherFacts(db, config(), { url: `http://127.0.0.1:${port}`, fromEnv: true });
    expect(f.callbackPage).toMatchObject({ status: null, error: "ECONNREFUSED" });
  });
});

describe("sign-off", () => {
  it("records who, when and the note, can be undone, and audits both", async () => {
    expect(await signOff(db, admin, { item: "controlled-orders", note: "first 20 orders by staff" })).toEqual({
      ok: true,
      message: "Signed off: Start with controlled orders.",
    });
    expect((await readSignoffs(db)).get("controlled-orders")).toMatchObject({
      by: "Ada Admin",
      note: "first 20 orders by staff",
      at: expect.any(String),
    });
    expect((await undoSignOff(db, admin, { item: "controlled-orders" })).ok).toBe(true);
    expect((await readSignoffs(db)).has("controlled-orders")).toBe(false);
    expect(await undoSignOff(db, admin, { item: "controlled-orders" })).toMatchObject({ ok: false });
    const audit = await db.auditLog.findMany({ where: { action: { startsWith: "go_live." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.target, a.actorId])).toEqual([
      ["go_live.sign_off", "controlled-orders", admin.id],
      ["go_live.undo_sign_off", "controlled-orders", admin.id],
    ]);
  });
});
