// Next.js for the self-hosted server, in a process of its own: every page,
// server action and route but Points' webhooks, which scripts/serve.ts answers
// and forwards the rest to here (docs/architecture.md, "npm start: the
// receiver's process and the pages' process"). It listens on a Unix socket in
// a directory only this user can reach, so the client-address header that
// serve.ts writes is trusted here.
//   started by scripts/lib/pages-process.ts: <socket path>   (PORT: the public port)
import http from "node:http";
import next from "next";
import { markClientAddressHeaderTrusted } from "@/lib/http/client-address";
import { holdIdleConnections } from "@/lib/http/keep-alive";
import { answerUnavailable } from "./lib/answer-unavailable";
import { ROOT } from "./lib/stack";

const [socketPath] = process.argv.slice(2) as [string];

async function main() {
  markClientAddressHeaderTrusted();
  const app = next({ dev: false, dir: ROOT, port: Number(process.env.PORT ?? 3000) });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => answerUnavailable(res));
  });
  // Its one client, serve.ts's forwarder, keeps idle connections for the next request: were this side to close
  // one as a request went out on it, a visitor would get a 503 for a page that was never asked for.
  holdIdleConnections(server, null);
  server.listen(socketPath, () => process.send?.("ready"));
  // The server that forwards here has gone (stopped, crashed or killed): so has the reason to run.
  process.once("disconnect", () => process.exit(0));
  // Ctrl-C reaches the whole terminal group: serve.ts stops this process itself, after it stops listening,
  // and a process that ended first would be reported (and restarted) as a crash.
  process.on("SIGINT", () => {});
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
