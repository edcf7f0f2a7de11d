import type { Server } from "node:http";

/**
 * For a server that faces visitors: longer than a load balancer's idle timeout (60 s on the common ones), so
 * the balancer closes an idle connection first and never sends a request on one we are closing.
 */
export const PUBLIC_IDLE_CONNECTION_MS = 65_000;

/**
 * How long `server` keeps a client's idle keep-alive connection open; `null`: until the client closes it.
 *
 * Node closes an idle connection after 5 s by default. A client that sends its next request on that
 * connection in the same instant gets ECONNRESET for a request we never read, and clients that keep idle
 * connections with no timer of their own (Node's keep-alive agents, Playwright's request context,
 * serve.ts's forwarder to the pages process) meet that instant sooner or later. The closing side should be
 * the client, or the proxy in front: a server whose only clients are ours never closes (`null`); one behind
 * a load balancer waits longer than the balancer does (PUBLIC_IDLE_CONNECTION_MS).
 */
export function holdIdleConnections(server: Server, ms: number | null): void {
  server.keepAliveTimeout = ms ?? 0;
  // A request's headers may take as long as an idle connection may wait, and a little more.
  if (ms !== null && server.headersTimeout <= ms) server.headersTimeout = ms + 1_000;
}
