// The app's webhook receiver outside Next, for integration tests: the node:http
// receiver `npm start` serves (node-receiver.ts), processing stored deliveries
// after the answer as the server's drain does, plus the health route, on a real
// local port the sandbox double can deliver to.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/lib/db/prisma";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import type { AcceptedSecrets } from "@/lib/webhooks/accepted-secrets";
import { handleNodeWebhook, isWebhookRequest } from "@/lib/webhooks/node-receiver";
import { receiverUrlOf } from "@/lib/webhooks/receiver-url";
import { processDeliveries } from "@/lib/webhooks/process-deliveries";

export interface AppReceiver {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** origin + /api/webhooks/points */
  url: string;
  /** Idempotent. */
  close(): Promise<void>;
}

export async function startAppReceiver(opts: {
  databaseUrl: string;
  db: Db;
  secrets: AcceptedSecrets | readonly string[];
}): Promise<AppReceiver> {
  const sql = createReceiverPool(opts.databaseUrl);
  const pending = new Set<Promise<unknown>>();
  const drain = () => {
    const p = processDeliveries(opts.db, { trigger: "after" }).finally(() => pending.delete(p));
    pending.add(p);
  };
  const deps = { sql, secrets: opts.secrets, onStored: drain, onDuplicate: drain };
  const server = http.createServer((req, res) => {
    if (isWebhookRequest(req)) return void handleNodeWebhook(req, res, deps);
    const health = req.method === "GET" && req.url === "/api/health";
    res
      .writeHead(health ? 200 : 404, { "content-type": "application/json" })
      .end(JSON.stringify(health ? { status: "ok" } : { ok: false }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    url: receiverUrlOf(origin),
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await Promise.allSettled([...pending]);
        await sql.end();
      })()),
  };
}
