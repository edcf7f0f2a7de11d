// For bench:webhooks with BENCH_PARTS=1: the receiver as `npm start` answers it
// (handleNodeWebhook), on a bare node:http server without Next.js, with or
// without the drain thread, so that the bench can tell what each adds to the
// floor's p99. Prints "ready" once it listens.
//   tsx scripts/lib/bench-bare-receiver.ts <port> [--drain]   (env as for the app: benchServerEnv)
import http from "node:http";
import { getReceiverPool } from "@/lib/db/receiver-pool";
import { getAcceptedSecrets } from "@/lib/webhooks/get-accepted-secrets";
import { handleNodeWebhook } from "@/lib/webhooks/node-receiver";
import { startDrainThread } from "./drain-thread";

const [port, drainFlag] = process.argv.slice(2);
const drainThread = drainFlag === "--drain" ? startDrainThread() : null;
const drain = () => drainThread?.request();
const deps = { sql: getReceiverPool(), secrets: getAcceptedSecrets(), onStored: drain, onDuplicate: drain };

http
  .createServer((req, res) => {
    handleNodeWebhook(req, res, deps).catch(() => res.writeHead(503).end());
  })
  .listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
