import http from "node:http";
import type { AddressInfo } from "node:net";
import { holdIdleConnections } from "../http/keep-alive";
import { handleApi } from "./api";
import { handleControl } from "./control";
import { sendJson } from "./http";
import { handleSession } from "./routes/session";
import { createOrderSaver, loadOrders } from "./persistence";
import { createState, resetState, type SimState } from "./state";

export type { SimOptions } from "./state";
import type { SimOptions } from "./state";

export interface SimServer {
  /** http://127.0.0.1:port */
  url: string;
  /** url + "/api/v1" */
  apiBaseUrl: string;
  port: number;
  privateKey: string;
  publicKey: string;
  webhookSecret: string;
  /** Live internals for tests: orders, endpoints, delivery engine, faults, calls, switches. */
  state: SimState;
  /** Resolves once no webhook delivery is buffered or in flight (held/paused ones excluded). */
  waitForIdle(timeoutMs?: number): Promise<void>;
  /** Same as POST /__control/reset. */
  reset(): void;
  close(): Promise<void>;
}

export async function startSim(opts: SimOptions = {}): Promise<SimServer> {
  const state = createState(opts);
  const saver = opts.stateFile ? createOrderSaver(opts.stateFile, () => state.orders.list()) : undefined;
  if (opts.stateFile && saver) {
    state.orders.restore(loadOrders(opts.stateFile));
    state.orders.onChange = () => saver.schedule();
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sim.local");
    const path = url.pathname;
    const run = async () => {
      if (path === "/api/v1" || path.startsWith("/api/v1/")) {
        return handleApi(state, req, res, path.slice("/api/v1".length) || "/", url.searchParams);
      }
      if (path === "/__control" || path.startsWith("/__control/")) {
        return handleControl(state, req, res, path.slice("/__control".length), url.searchParams);
      }
      if (path.startsWith("/session/")) return handleSession(state, req, res, path);
      if (path === "/" || path === "/health") {
        return sendJson(res, 200, { ok: true, sim: "points-sandbox-double", api_base_url: `${state.baseUrl}/api/v1` });
      }
      return sendJson(res, 404, { status: false, message: "Not found", appended_data: {} });
    };
    run().catch((err: unknown) => {
      console.error("sim: request failed", err);
      if (!res.headersSent) sendJson(res, 500, { status: false, message: "Server Error", appended_data: {} });
      else res.destroy();
    });
  });

  // Its clients are the app, tests and benches: they close their idle connections themselves.
  holdIdleConnections(server, null);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, state.opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const hostForUrl = state.opts.host.includes(":") ? `[${state.opts.host}]` : state.opts.host;
  const url = `http://${hostForUrl}:${port}`;
  state.baseUrl = url;

  let closing: Promise<void> | null = null;
  return {
    url,
    apiBaseUrl: `${url}/api/v1`,
    port,
    privateKey: state.opts.privateKey,
    publicKey: state.opts.publicKey,
    webhookSecret: state.opts.webhookSecret,
    state,
    waitForIdle: (timeoutMs) => state.delivery.waitForIdle(timeoutMs),
    reset: () => resetState(state),
    close() {
      closing ??= new Promise<void>((resolve) => {
        saver?.flush();
        state.delivery.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
