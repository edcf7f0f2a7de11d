// A real local HTTP endpoint standing in for Slack's incoming webhook: it
// keeps what was posted and answers as told (a status, or never).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface AlertReceiver {
  url: string;
  received: Array<{ contentType: string | undefined; body: unknown }>;
  /** How the next posts are answered. */
  answer: { status: number; hang?: boolean };
  texts(): string[];
  close(): Promise<void>;
}

export async function startAlertReceiver(): Promise<AlertReceiver> {
  const receiver: Omit<AlertReceiver, "url" | "close"> = {
    received: [],
    answer: { status: 200 },
    texts: () => receiver.received.map((r) => (r.body as { text: string }).text),
  };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      receiver.received.push({ contentType: req.headers["content-type"], body: JSON.parse(body) });
      if (receiver.answer.hang) return;
      res
        .writeHead(receiver.answer.status, { "content-type": "text/plain" })
        .end(receiver.answer.status === 200 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/xyz`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}
