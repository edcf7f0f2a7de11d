// The call log's time of an attempt, against a real HTTP server standing in for Points.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import type { CallRecord } from "./record-call";
import { sendRequest } from "./send-request";

let server: http.Server;
let baseUrl: string;
/** When the server took each request: the moment "Points" stamps its change, during our call. */
const stamped: number[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    stamped.push(Date.now());
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it("starts a logged call no later than Points saw it, whatever stalls the process after the answer", async () => {
  const records: CallRecord[] = [];
  const transport = { baseUrl, privateKey: "k", publicKey: "p", fetch, timeoutMs: 5_000, db: {} as never };
  const endpoint = { method: "POST" as const, path: "/orders/x/refund", auth: "private" as const, data: z.object({}) };
  // A first call opens the connection, so that the measured one reaches the server within a millisecond or two.
  await sendRequest(transport, endpoint, 1, { deferLog: () => {} });
  const stall = () => {
    const until = Date.now() + 50;
    while (Date.now() < until); // a 50 ms stall between the answer and the log row, as a busy CPU or a GC makes
  };
  await sendRequest(transport, endpoint, 1, { onAttempt: stall, deferLog: (r) => records.push(r) });
  const [record] = records;
  const start = record!.at!.getTime() - record!.latencyMs;
  expect(start).toBeLessThanOrEqual(stamped[1]!);
});
