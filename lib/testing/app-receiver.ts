// The app's webhook receiver outside Next, for integration tests: the same
// receiveDelivery and queue processing as POST /api/webhooks/points, plus the
// health route, on a real local HTTP port the sandbox double can deliver to.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/lib/db/prisma";
import type { AcceptedSecrets } from "@/lib/webhooks/accepted-secrets";
import { processDeliveries } from "@/lib/webhooks/process-deliveries";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";

export interface AppReceiver {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** origin + /api/webhooks/points */
  url: string;
  /** Status codes answered, in order. */
  answered: number[];
  close(): Promise<void>;
}

export async function startAppReceiver(db: Db, secrets: AcceptedSecrets | readonly string[]): Promise<AppReceiver> {
  const answered: number[] = [];
  const pending = new Set<Promise<unknown>>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && url.pathname === "/api/health") return send(200, { status: "ok" });
    if (req.method !== "POST" || url.pathname !== "/api/webhooks/points") return send(404, { ok: false });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(url, { method: "POST", headers, body: Buffer.concat(chunks) });
      void receiveDelivery(db, request, { secrets, sourceAddress: "127.0.0.1" }).then((result) => {
        answered.push(result.status);
        send(result.status, result.body);
        // As the route's after(): process once answered.
        if (result.deliveryId) {
          const p = processDeliveries(db, { trigger: "after" }).finally(() => pending.delete(p));
          pending.add(p);
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/api/webhooks/points`,
    answered,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.allSettled([...pending]);
    },
  };
}
