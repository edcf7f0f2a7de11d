// Passes a request on to another HTTP server on a local socket and its answer
// back, streamed both ways: scripts/serve.ts forwards every request but Points'
// webhooks to Next.js in its own process (scripts/lib/pages-process.ts).
// Hop-by-hop headers stay on their own hop; everything else (several
// set-cookie headers, a streamed page, a server action's POST) passes as sent.
import http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";

// RFC 9110 §7.6.1: they describe one connection, not the message.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  // Answered on our hop already (Node sends 100 Continue before the request is handed to us).
  "expect",
]);

/** A request's headers as the server read them, with what the forwarding server itself set (the client address). */
const requestHeaders = (headers: IncomingMessage["headers"]) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

/** An answer's headers as sent, in order and repeated ones apart (several set-cookie). */
const answerHeaders = (rawHeaders: string[]) => {
  const kept: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2)
    if (!HOP_BY_HOP.has(rawHeaders[i]!.toLowerCase())) kept.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  return kept;
};

/**
 * A function that forwards a request to the server listening on `socketPath`.
 * It rejects, with nothing sent, when that server cannot be reached (the
 * caller answers 503); once the answer has begun, a failure ends the response.
 */
export function forwarderTo(socketPath: string): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const agent = new http.Agent({ keepAlive: true });
  return (req, res) =>
    new Promise((resolve, reject) => {
      const upstream = http.request({
        agent,
        socketPath,
        method: req.method,
        path: req.url,
        headers: requestHeaders(req.headers),
      });
      upstream.once("response", (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answerHeaders(answer.rawHeaders));
        answer.pipe(res);
        answer.on("error", () => res.destroy());
      });
      upstream.on("error", (error) => {
        if (res.headersSent) res.destroy();
        else reject(error);
      });
      // Done when the answer is: sent in full, or cut short by either side. A visitor who leaves stops
      // the work done for them.
      res.once("close", () => {
        if (!res.writableFinished) upstream.destroy();
        resolve();
      });
      req.pipe(upstream);
    });
}
