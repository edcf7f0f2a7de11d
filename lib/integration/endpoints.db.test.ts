// Webhook endpoints managed through points-ops against the sandbox double and a
// real PostgreSQL: the secret Points returns is stored sealed, the receiver
// accepts deliveries signed with it (in this process at once, in another after
// its reload-on-miss) and refuses them once the endpoint is deleted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { startAppReceiver, type AppReceiver } from "@/lib/testing/app-receiver";
import { envelope, fixtureOrder, webhookRequest } from "@/lib/testing/webhook-fixtures";
import { createAcceptedSecrets, type AcceptedSecrets } from "@/lib/webhooks/accepted-secrets";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";
import { changeEndpoint } from "./change-endpoint";
import { createEndpoint } from "./create-endpoint";
import { deleteEndpoint, forgetStoredSecret } from "./delete-endpoint";
import { endpointSecretBox, readStoredSecrets } from "@/lib/webhooks/endpoint-secrets";
import { readIntegrationSwitch, setIntegrationActive } from "./integration-switch";
import { listEndpoints } from "./list-endpoints";

const AUTH_SECRET = "integration-test-auth-secret-0123456789";
let h: Harness;
let receiver: AppReceiver;
let accepted: AcceptedSecrets;
let admin: { id: string };
let sql: ReturnType<typeof createReceiverPool>;

const acceptedFor = (h: Harness, minReloadIntervalMs = 5_000) =>
  createAcceptedSecrets({
    configured: ["env-secret"],
    loadStored: async () => (await readStoredSecrets(h.db, endpointSecretBox(AUTH_SECRET))).secrets,
    minReloadIntervalMs,
  });
const deps = () => ({ db: h.db, client: h.client(), authSecret: AUTH_SECRET, accepted });

function deliver(secret: string, secrets: AcceptedSecrets) {
  return receiveDelivery(sql, webhookRequest(envelope("approved", fixtureOrder()), secret), {
    secrets,
    sourceAddress: null,
  });
}

beforeAll(async () => {
  h = await startHarness("integration_endpoints");
  sql = createReceiverPool(h.databaseUrl);
  admin = await h.db.user.create({
    data: { email: "admin@example.com", name: "Admin", role: "admin" },
    select: { id: true },
  });
});
afterAll(async () => {
  await receiver?.close();
  await sql.end();
  await h.close();
});
beforeEach(async () => {
  await receiver?.close();
  await h.reset();
  await h.db.$executeRawUnsafe(
    "TRUNCATE webhook_endpoint_secrets, webhook_deliveries, verification_failures, audit_log, app_settings, orders CASCADE",
  );
  accepted = acceptedFor(h);
  receiver = await startAppReceiver({ databaseUrl: h.databaseUrl, db: h.db, secrets: accepted });
});

describe("webhook endpoints", () => {
  it("create stores the secret sealed; Points' deliveries to the endpoint are accepted; delete makes the secret refused", async () => {
    await accepted.current();
    const created = await createEndpoint(deps(), admin, { name: "Ops receiver", url: receiver.url });
    if (!created.ok) throw new Error(created.message);
    const secret = created.endpoint.secret!;
    expect(created.message).toContain(`(…${secret.slice(-4)}) is stored`);
    expect(created.message).not.toContain(secret);

    const [row] = await h.db.webhookEndpointSecret.findMany();
    expect(row).toMatchObject({
      endpointUuid: created.endpoint.uuid,
      name: "Ops receiver",
      url: receiver.url,
      createdById: admin.id,
    });
    expect(row!.secretCiphertext).not.toContain(secret);

    // A real delivery from the double, signed with the endpoint's own secret.
    await h.client().createEarningOrder({
      phone_number: "500000002",
      total_price: 10,
      order_number: "INT-1",
      products: [{ product_name: "x", product_price: 10, quantity: 1 }],
    });
    await h.sim.waitForIdle();
    expect(h.sim.state.delivery.list().map((d) => [d.secret, d.attempts.map((a) => a.status_code)])).toEqual([
      [secret, [200]],
    ]);
    expect(await h.db.webhookDelivery.count({ where: { orderNumber: "INT-1" } })).toBe(1);

    const list = await listEndpoints(deps());
    expect(list).toMatchObject({
      ok: true,
      endpoints: [{ uuid: created.endpoint.uuid, name: "Ops receiver", secretStored: true }],
      storedOnly: [],
    });

    expect(await deleteEndpoint(deps(), admin, created.endpoint.uuid)).toEqual({
      ok: true,
      message: "Endpoint deleted at Points. Its stored secret is no longer accepted.",
    });
    expect(await h.db.webhookEndpointSecret.count()).toBe(0);
    expect(h.sim.state.endpoints.list()).toHaveLength(0);
    expect((await deliver(secret, accepted)).status).toBe(401);

    const audit = await h.db.auditLog.findMany({
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, detail: true },
    });
    expect(audit.map((a) => a.action)).toEqual(["webhook_endpoint.create", "webhook_endpoint.delete"]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("another instance accepts a new endpoint's secret after re-reading on the miss", async () => {
    const otherInstance = acceptedFor(h, 0);
    expect((await deliver("env-secret", otherInstance)).status).toBe(200);
    const created = await createEndpoint(deps(), admin, { name: "Second", url: `${receiver.url}?copy=2` });
    if (!created.ok) throw new Error(created.message);
    expect((await deliver(created.endpoint.secret!, otherInstance)).status).toBe(200);
    expect(await h.db.verificationFailure.count()).toBe(0);
  });

  it("rename and change URL at Points; the stored copy follows; both audited", async () => {
    const created = await createEndpoint(deps(), admin, {
      name: "Old name",
      url: "https://ops.example.com/api/webhooks/points",
    });
    if (!created.ok) throw new Error(created.message);
    const uuid = created.endpoint.uuid;
    expect(await changeEndpoint(deps(), admin, { uuid, name: "New name" })).toEqual({
      ok: true,
      message: 'Endpoint renamed to "New name".',
    });
    expect(
      (await changeEndpoint(deps(), admin, { uuid, url: "https://ops2.example.com/api/webhooks/points" })).ok,
    ).toBe(true);
    expect(h.sim.state.endpoints.get(uuid)).toMatchObject({
      name: "New name",
      url: "https://ops2.example.com/api/webhooks/points",
    });
    expect(await h.db.webhookEndpointSecret.findUnique({ where: { endpointUuid: uuid } })).toMatchObject({
      name: "New name",
      url: "https://ops2.example.com/api/webhooks/points",
    });
    expect((await h.db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action)).toEqual([
      "webhook_endpoint.create",
      "webhook_endpoint.rename",
      "webhook_endpoint.change_url",
    ]);
  });

  it("shows Points' refusals with their status: duplicate URL (422), unverified merchant (403), unknown endpoint (404)", async () => {
    const url = "https://ops.example.com/api/webhooks/points";
    expect((await createEndpoint(deps(), admin, { name: "One", url })).ok).toBe(true);
    expect(await createEndpoint(deps(), admin, { name: "Two", url })).toEqual({
      ok: false,
      message: "Points answered HTTP 422: The url has already been taken.",
    });

    const unknown = crypto.randomUUID();
    expect((await changeEndpoint(deps(), admin, { uuid: unknown, name: "x" })).message).toMatch(
      /^Points answered HTTP 404: Points does not know this webhook endpoint/,
    );

    await h.control("/merchant", { verified: false });
    expect(await createEndpoint(deps(), admin, { name: "Three", url: `${url}?3` })).toEqual({
      ok: false,
      message:
        "Points answered HTTP 403: Points refused to change webhook endpoints: the merchant must be verified in Points Business (Points said: Merchant is not verified.)",
    });
    expect(await h.db.webhookEndpointSecret.count()).toBe(1);
  });

  it("deleting an endpoint Points no longer has forgets its secret; a stored secret of a vanished endpoint can be forgotten", async () => {
    const a = await createEndpoint(deps(), admin, { name: "A", url: "https://a.example.com/hook" });
    const b = await createEndpoint(deps(), admin, { name: "B", url: "https://b.example.com/hook" });
    if (!a.ok || !b.ok) throw new Error("create failed");
    // Deleted in Points Business, behind our back.
    await h.control(`/webhooks/endpoints/${a.endpoint.uuid}`, undefined, "DELETE");
    await h.control(`/webhooks/endpoints/${b.endpoint.uuid}`, undefined, "DELETE");

    const list = await listEndpoints(deps());
    expect(list.ok && list.endpoints).toEqual([]);
    expect(list.storedOnly.map((s) => s.name)).toEqual(["A", "B"]);

    expect(await deleteEndpoint(deps(), admin, a.endpoint.uuid)).toEqual({
      ok: true,
      message: "Points no longer had this endpoint. Its stored secret is no longer accepted.",
    });
    expect(await forgetStoredSecret(deps(), admin, b.endpoint.uuid)).toMatchObject({ ok: true });
    expect(await h.db.webhookEndpointSecret.count()).toBe(0);
    expect((await deliver(b.endpoint.secret!, accepted)).status).toBe(401);
  });

  it("refuses to create an endpoint without AUTH_SECRET, before asking Points", async () => {
    const result = await createEndpoint({ ...deps(), authSecret: undefined }, admin, {
      name: "X",
      url: "https://x.example.com/hook",
    });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/AUTH_SECRET is not set/) });
    expect(await h.calls("POST", "/webhooks$")).toHaveLength(0);
  });

  it("when Points cannot be asked, the list says why and still shows the stored secrets", async () => {
    const created = await createEndpoint(deps(), admin, { name: "Kept", url: "https://k.example.com/hook" });
    expect(created.ok).toBe(true);
    await h.control("/merchant", { integrationActive: false });
    const list = await listEndpoints(deps());
    expect(list).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Points answered HTTP 400: API key rejected/),
      storedOnly: [{ name: "Kept" }],
    });
  });
});

describe("integration switch", () => {
  it("turns the integration off and on at Points, remembers who and when, audits both", async () => {
    expect(await readIntegrationSwitch(h.db)).toBeNull();
    expect(await setIntegrationActive(deps(), admin, false)).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^The integration is off/),
    });
    expect(h.sim.state.merchant.integrationActive).toBe(false);
    await expect(h.client().getOrder(crypto.randomUUID())).rejects.toThrow(/Invalid or inactive API key/);
    expect(await readIntegrationSwitch(h.db)).toMatchObject({ active: false, by: { email: "admin@example.com" } });

    expect((await setIntegrationActive(deps(), admin, true)).ok).toBe(true);
    expect(h.sim.state.merchant.integrationActive).toBe(true);
    expect(await readIntegrationSwitch(h.db)).toMatchObject({ active: true });
    expect((await h.db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action)).toEqual([
      "integration.disable",
      "integration.enable",
    ]);
  });

  it("keeps the last state when Points refuses the switch", async () => {
    await h.control("/faults", { status: 500, count: 10, paths: "/integration/status" });
    const result = await setIntegrationActive(deps(), admin, false);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/HTTP 500.*The integration state did not change\.$/),
    });
    expect(await readIntegrationSwitch(h.db)).toBeNull();
    expect(h.sim.state.merchant.integrationActive).toBe(true);
  });
});
