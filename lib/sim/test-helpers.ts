// Shared by the sim's own tests: a real local webhook receiver and a tiny API client.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  event: string;
  headers: http.IncomingHttpHeaders;
  body: {
    event: string;
    order: Record<string, unknown> & { id: string; order_status: string; updated_at: string };
    timestamp: string;
  };
  raw: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Status to answer for the n-th request (1-based); default 200. */
  respond: (n: number, r: Received) => number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: "", received: [], respond: () => 200, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const r: Received = {
        event: String(req.headers["x-webhook-event"]),
        headers: req.headers,
        body: JSON.parse(raw) as Received["body"],
        raw,
      };
      receiver.received.push(r);
      res.writeHead(receiver.respond(receiver.received.length, r), { "Content-Type": "application/json" });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
}

export async function call<T = any>(
  url: string,
  init: { method?: string; key?: string | null; body?: unknown; raw?: string } = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (init.key) headers["x-api-key"] = init.key;
  let payload: string | undefined = init.raw;
  if (init.body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(init.body);
  }
  const res = await fetch(url, {
    method: init.method ?? (payload !== undefined ? "POST" : "GET"),
    headers,
    body: payload,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export const SAMPLE_EARNING = {
  phone_number: "0512345678",
  total_price: 115,
  order_number: "SALE-2026-0021",
  products: [{ product_name: "Cappuccino", product_price: 18.5, quantity: 2 }],
  metadata: { channel: "web", branch_code: "RUH-01" },
};
