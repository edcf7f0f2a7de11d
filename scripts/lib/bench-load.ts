// Load generator for bench:webhooks, run as its own process so that it does not
// share an event loop (and so skew the figures) with the server it measures.
//   tsx scripts/lib/bench-load.ts '{"url":…,"secret":…,"seconds":10,"rate":300,"prefix":"A"}'
// With `rate`: an open loop, one request every 1/rate s whatever the answers
// (autocannon's rate limit sends bursts, which measures its own queueing),
// after `warmUp` seconds at the same rate that are not measured: the stream
// runs on without a gap into the measured part.
// In a fresh process the first ~150 ms were slow whatever the server (cold
// code and new sockets here), which alone held more than 1 % of a 10 s run.
// Without `rate`: autocannon flat out. Either way "measuring" is printed on
// its own line as the measured part begins, and the figures as JSON at the end.
import http from "node:http";
import autocannon from "autocannon";
import { envelope, fixtureOrder } from "@/lib/testing/webhook-fixtures";

const {
  url,
  secret,
  seconds,
  rate,
  warmUp = 0,
  prefix,
} = JSON.parse(process.argv[2] ?? "{}") as {
  url: string;
  secret: string;
  seconds: number;
  rate?: number;
  warmUp?: number;
  prefix: string;
};

/** Tells the caller that the measured part begins, so that it starts its own counters now. */
const startMeasuring = () => process.stdout.write("measuring\n");

let sequence = 0;
const uniqueBody = () => {
  sequence++;
  const updatedAt = new Date(Date.UTC(2026, 0, 1) + sequence).toISOString();
  return JSON.stringify(
    envelope("approved", fixtureOrder({ order_number: `BENCH-${prefix}-${sequence}`, updated_at: updatedAt })),
  );
};

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

async function openLoop(perSecond: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(url);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const send = (measured: boolean) =>
    new Promise<void>((resolve) => {
      const body = uniqueBody();
      const started = performance.now();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-webhook-secret": secret,
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (measured) {
              latencies.push(performance.now() - started);
              if (res.statusCode! < 200 || res.statusCode! >= 300) non2xx++;
            }
            resolve();
          });
        },
      );
      req.on("error", () => {
        if (measured) errors++;
        resolve();
      });
      req.end(body);
    });

  const unmeasured = Math.round(perSecond * warmUp);
  const total = Math.round(perSecond * seconds);
  const began = performance.now();
  let measuredFrom = began;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < unmeasured + total; i++) {
    const due = began + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (i === unmeasured) {
      measuredFrom = performance.now();
      startMeasuring();
    }
    inFlight.push(send(i >= unmeasured));
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: total / ((performance.now() - measuredFrom) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    non2xx,
    errors,
  };
}

async function flatOut() {
  startMeasuring();
  const result = await autocannon({
    url,
    method: "POST",
    connections: 64,
    duration: seconds,
    headers: { "content-type": "application/json", "x-webhook-secret": secret },
    requests: [{ setupRequest: (req) => ({ ...req, body: uniqueBody() }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

process.stdout.write(JSON.stringify(rate ? await openLoop(rate) : await flatOut()));
