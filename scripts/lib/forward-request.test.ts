// The forwarder between serve.ts and Next.js's process, over real sockets: a
// front server forwarding to an upstream server on a Unix socket.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forwarderTo } from "./forward-request";

const dir = mkdtempSync(path.join(os.tmpdir(), "forward-test-"));
const socketPath = path.join(dir, "upstream.sock");
let front: http.Server;
let upstream: http.Server;
let base = "";
/** What the upstream saw of the last request. */
let seen: { method?: string; url?: string; headers?: http.IncomingHttpHeaders; body?: string; aborted?: boolean } = {};
let releaseStream: () => void = () => {};
let upstreamClosed: Promise<void> = Promise.resolve();

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() };
      if (req.url === "/cookies") {
        res.writeHead(
          201,
          [
            ["set-cookie", "a=1; Path=/"],
            ["set-cookie", "b=2; Path=/"],
            ["x-kind", "page"],
          ].flat(),
        );
        return void res.end("two cookies");
      }
      if (req.url === "/stream") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("first part;");
        // The rest only once the client has read the first part: a forwarder that buffers never gets there.
        releaseStream = () => res.end("second part");
        return;
      }
      if (req.url === "/hang") {
        upstreamClosed = new Promise((resolve) => res.once("close", () => resolve()));
        return void res.write("started");
      }
      res.end(JSON.stringify(seen));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(socketPath, resolve));
  const forward = forwarderTo(socketPath);
  const unreachable = forwarderTo(path.join(dir, "nobody.sock"));
  front = http.createServer((req, res) => {
    // As serve.ts does: the client address it worked out replaces whatever the client sent.
    req.headers["x-points-ops-client-address"] = "203.0.113.9";
    (req.url === "/down" ? unreachable : forward)(req, res).catch(() => res.writeHead(503).end("down"));
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});

afterAll(async () => {
  front.closeAllConnections();
  upstream.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("forwarderTo", () => {
  it("passes method, path, query, body and headers, with the address the front server set", async () => {
    const res = await fetch(`${base}/api/thing?q=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-points-ops-client-address": "6.6.6.6", "next-action": "abc" },
      body: '{"a":1}',
    });
    expect(res.status).toBe(200);
    expect(seen).toMatchObject({ method: "POST", url: "/api/thing?q=1", body: '{"a":1}' });
    expect(seen.headers).toMatchObject({
      "content-type": "application/json",
      "next-action": "abc",
      "x-points-ops-client-address": "203.0.113.9",
      host: new URL(base).host,
    });
  });

  it("passes the status and every set-cookie header of the answer", async () => {
    const res = await fetch(`${base}/cookies`);
    expect(res.status).toBe(201);
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(res.headers.get("x-kind")).toBe("page");
    expect(await res.text()).toBe("two cookies");
  });

  it("streams an answer as it comes", async () => {
    const res = await fetch(`${base}/stream`);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("first part;");
    releaseStream();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe("second part");
  });

  it("rejects with nothing sent when the upstream cannot be reached", async () => {
    const res = await fetch(`${base}/down`);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("down");
  });

  it("ends the upstream request when the client goes away", async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/hang`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await upstreamClosed; // never resolves if the forwarder kept the upstream request open (test timeout)
  });
});
