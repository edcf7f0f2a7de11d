// The self-hosted production server (`npm start`, the e2e suite, the
// benchmark). It answers the Points webhook receiver itself, on the bare
// node:http request (lib/webhooks/node-receiver.ts explains why), and forwards
// every other request to Next.js, which runs in a process of its own
// (scripts/lib/pages-process.ts explains why). On Vercel there is no custom
// server and app/api/webhooks/points/route.ts serves the receiver.
//   tsx scripts/serve.ts            (PORT, default 3000; expects `next build`)
import http from "node:http";
import { getConfig } from "@/lib/config/env";
import {
  CLIENT_ADDRESS_HEADER,
  forwardedClientAddress,
  markClientAddressHeaderTrusted,
} from "@/lib/http/client-address";
import { getReceiverPool } from "@/lib/db/receiver-pool";
import { holdIdleConnections, PUBLIC_IDLE_CONNECTION_MS } from "@/lib/http/keep-alive";
import { getAcceptedSecrets } from "@/lib/webhooks/get-accepted-secrets";
import { handleNodeWebhook, isWebhookRequest } from "@/lib/webhooks/node-receiver";
import { keepReceiverFailureJournal } from "@/lib/webhooks/receiver-failures";
import { answerUnavailable } from "./lib/answer-unavailable";
import { startDrainThread } from "./lib/drain-thread";
import { startPagesProcess } from "./lib/pages-process";
import { perDatabaseFile } from "./lib/stack";

const port = Number(process.env.PORT ?? 3000);

async function main() {
  // A bad environment stops the server here, in one line, before anything listens.
  const { trustedProxies, databaseUrl } = getConfig();
  // Receiver failures noted before a crash or restart are written once the database answers.
  keepReceiverFailureJournal(perDatabaseFile("receiver-failures", databaseUrl, "jsonl"), getReceiverPool());
  markClientAddressHeaderTrusted();
  const pages = await startPagesProcess(port);
  // The route handler's drain, on its own thread (scripts/lib/drain-thread.ts); a long-running server
  // outlives its drains, so there is nothing to keep alive.
  const drainThread = startDrainThread();
  const drain = () => drainThread.request();
  const webhookDeps = { sql: getReceiverPool(), secrets: getAcceptedSecrets(), onStored: drain, onDuplicate: drain };
  const server = http.createServer((req, res) => {
    // Replaces whatever the client put in this header: only we know the socket's peer.
    const address = forwardedClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
    if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
    else delete req.headers[CLIENT_ADDRESS_HEADER];
    const answered = isWebhookRequest(req) ? handleNodeWebhook(req, res, webhookDeps) : pages.forward(req, res);
    answered.catch(() => answerUnavailable(res));
  });
  holdIdleConnections(server, PUBLIC_IDLE_CONNECTION_MS);
  server.listen(port, () => console.log(`▲ points-ops server listening on http://localhost:${port}`));
  const stop = () => {
    server.close();
    void pages.stop().then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
