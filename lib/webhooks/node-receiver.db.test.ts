// The node:http receiver (what `npm start` serves) against a real PostgreSQL,
// over a real socket: what it asks of its server (a drain per stored delivery
// and per repeat). Its answers, beside the route handler's under `next start`,
// are tested in served-receiver.db.test.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/db/test-database";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { envelope, fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { handleNodeWebhook, isWebhookRequest } from "./node-receiver";

const SECRET = "node-receiver-secret";
let sql: ReturnType<typeof createReceiverPool>;
let drop: () => Promise<void>;
let server: http.Server;
let url: string;
const stored: bigint[] = [];
let duplicates = 0;

beforeAll(async () => {
  const database = await createTestDatabase({ prefix: "node_receiver" });
  drop = database.drop;
  sql = createReceiverPool(database.url);
  server = http.createServer((req, res) => {
    if (isWebhookRequest(req))
      void handleNodeWebhook(req, res, {
        sql,
        secrets: [SECRET],
        onStored: (id) => stored.push(id),
        onDuplicate: () => duplicates++,
      });
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/points`;
});

afterAll(async () => {
  server.close();
  await sql.end();
  await drop();
});

beforeEach(async () => {
  stored.length = 0;
  duplicates = 0;
  await sql.query("TRUNCATE webhook_deliveries, verification_failures CASCADE");
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-webhook-secret": SECRET,
      "x-forwarded-for": "203.0.113.5",
      ...headers,
    },
    body,
  });

describe("node:http webhook receiver", () => {
  it("stores a delivery once, answers 200, and asks for processing of the new one (and a drain on the repeat)", async () => {
    const body = JSON.stringify(envelope("approved", fixtureOrder()));
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, duplicate: false });
    const again = await post(body);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    const { rows } = await sql.query<{ id: string; source_address: string; headers: Record<string, string> }>(
      "SELECT id, source_address, headers FROM webhook_deliveries",
    );
    expect(rows).toHaveLength(1);
    expect(stored).toEqual([BigInt(rows[0]!.id)]);
    // The repeat's update locked the row for a moment; a drain claiming then skipped it.
    expect(duplicates).toBe(1);
    // A client's own X-Forwarded-For is not believed (lib/http/client-address.ts); this bare server knows no address.
    expect(rows[0]!.source_address).toBeNull();
    expect(rows[0]!.headers["x-webhook-secret"]).toBe("[redacted]");
  });

  it("leaves other paths and methods to Next", () => {
    const req = (method: string, u: string) => ({ method, url: u }) as http.IncomingMessage;
    expect(isWebhookRequest(req("POST", "/api/webhooks/points"))).toBe(true);
    expect(isWebhookRequest(req("POST", "/api/webhooks/points?x=1"))).toBe(true);
    expect(isWebhookRequest(req("GET", "/api/webhooks/points"))).toBe(false);
    expect(isWebhookRequest(req("POST", "/api/webhooks/pointsx"))).toBe(false);
  });
});
