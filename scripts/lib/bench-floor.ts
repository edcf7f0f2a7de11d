// The floor for bench:webhooks: a bare node:http server doing what the receiver
// must do at the least — the same constant-time secret check and one INSERT.
//   tsx scripts/lib/bench-floor.ts <databaseUrl> <port> <secret>
import http from "node:http";
import pg from "pg";
import { verifyWebhookSecret } from "@/lib/webhooks/verify-secret";

const [databaseUrl, port, secret] = process.argv.slice(2) as [string, string, string];
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
let sequence = 0;

http
  .createServer((req, res) => {
    const header = req.headers["x-webhook-secret"];
    if (!verifyWebhookSecret(typeof header === "string" ? header : null, [secret]).ok) {
      res.writeHead(401).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      pool
        // Stored as already processed: the floor measures the insert, and its rows must not feed the app's queue.
        .query(
          "INSERT INTO webhook_deliveries (dedupe_key, raw_body, headers, status) VALUES ($1, $2, '{}'::jsonb, 'processed')",
          [`floor-${process.pid}-${++sequence}`, Buffer.concat(chunks).toString("utf8")],
        )
        .then(() => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true,"duplicate":false}'))
        .catch(() => res.writeHead(503).end());
    });
  })
  .listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
