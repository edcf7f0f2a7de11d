// Load generator for bench:webhooks, run as its own process so that it does not
// share an event loop (and so skew the figures) with the server it measures.
//   tsx scripts/lib/bench-load.ts '{"url":…,"secret":…,"seconds":10,"rate":300,"prefix":"A"}'
import autocannon from "autocannon";
import { envelope, fixtureOrder } from "@/lib/testing/webhook-fixtures";

const { url, secret, seconds, rate, prefix } = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  secret: string;
  seconds: number;
  rate?: number;
  prefix: string;
};

let sequence = 0;
const uniqueBody = () => {
  sequence++;
  const updatedAt = new Date(Date.UTC(2026, 0, 1) + sequence).toISOString();
  return JSON.stringify(envelope("approved", fixtureOrder({ order_number: `BENCH-${prefix}-${sequence}`, updated_at: updatedAt })));
};

const result = await autocannon({
  url,
  method: "POST",
  connections: rate ? 32 : 64,
  duration: seconds,
  ...(rate ? { overallRate: rate } : {}),
  headers: { "content-type": "application/json", "x-webhook-secret": secret },
  requests: [{ setupRequest: (req) => ({ ...req, body: uniqueBody() }) }],
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }),
);
