// npm run sim – the Points sandbox double on its own (default port 4010, SIM_PORT overrides;
// SIM_STATE_FILE keeps its orders in that JSON file, e.g. one a benchmark wrote).
import { CONTROL_SUMMARY } from "../lib/sim/control";
import { fidelityFromEnv } from "../lib/sim/fidelity";
import { startSim } from "../lib/sim/server";

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 4010;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`SIM_PORT must be an integer between 0 and 65535, got "${raw}"`);
    process.exit(1);
  }
  return port;
}

async function main(): Promise<void> {
  const webhookUrls = (process.env.SIM_WEBHOOK_URLS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let fidelity;
  try {
    fidelity = fidelityFromEnv(process.env.SIM_MODE);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const sim = await startSim({
    fidelity,
    port: parsePort(process.env.SIM_PORT),
    host: process.env.SIM_HOST || undefined,
    webhookUrls,
    webhookSecret: process.env.SIM_WEBHOOK_SECRET || undefined,
    stateFile: process.env.SIM_STATE_FILE || undefined,
    log: (line) => console.log(`[sim] ${line}`),
  }).catch((err: NodeJS.ErrnoException) => {
    console.error(err.code === "EADDRINUSE" ? `Port already in use: ${err.message} (set SIM_PORT)` : err);
    process.exit(1);
  });

  console.log(`Points sandbox double listening on ${sim.url}`);
  console.log(`  API base URL     ${sim.apiBaseUrl}`);
  console.log(`  private key      ${sim.privateKey}   (x-api-key)`);
  console.log(`  public key       ${sim.publicKey}   (POST /orders/checkout/<public key>)`);
  console.log(`  webhook secret   ${sim.webhookSecret}`);
  console.log(`  mode             ${fidelity ?? "extended"} (SIM_MODE=extended|documented)`);
  console.log(
    `  webhook targets  ${webhookUrls.length ? webhookUrls.join(", ") : "none (set SIM_WEBHOOK_URLS or POST /__control/webhooks/endpoints)"}`,
  );
  console.log(`Control API (sim only, no auth, loopback):`);
  for (const line of CONTROL_SUMMARY) console.log(`  ${line}`);
  console.log("Ctrl-C to stop.");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox double…`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

void main();
