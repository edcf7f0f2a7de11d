// npm start / npm run dev: the whole local stack in one command. It heals
// itself: a PostgreSQL that dies is started again on the same data, and an app
// server that exits is restarted, each with a bounded back-off it prints.
//   tsx scripts/start.ts          → scripts/serve.ts (builds first when sources changed)
//   tsx scripts/start.ts --dev    → next dev
import { spawnAppServer } from "./lib/app-server";
import { buildIsStale, nextBuild } from "./lib/next-build";
import { exitWithError, ROOT, startStack } from "./lib/stack";
import { supervise } from "./lib/supervise";
import { waitForHttp } from "./lib/wait-for-http";
import { seedDemo } from "./lib/seed-demo";
import { alertCheckOptions, runAlertChecks } from "@/lib/alerts/run-alert-checks";
import { createDb } from "@/lib/db/prisma";
import { poolSizes } from "@/lib/config/pool-settings";
import { repeatTask } from "@/lib/jobs/repeat-task";
import { startSweeper } from "@/lib/webhooks/sweeper";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.SIM_PORT ?? 4010);

async function main() {
  const started = Date.now();
  const stack = await startStack({ port, simPort, persistSim: true, healPostgres: true });
  const { env } = stack;

  if (!dev && buildIsStale(ROOT)) {
    console.log("Building the dashboard (first start or sources changed)…");
    try {
      nextBuild(ROOT, { ...env, NODE_ENV: "production" });
    } catch (error) {
      await stack.stop();
      throw error;
    }
  }

  const app = supervise("points-ops: the app server", () => spawnAppServer({ port, env, dev }));
  const sweeperDb = createDb(stack.config.databaseUrl, {
    role: "queue",
    max: poolSizes(stack.config.dbPoolSize).queue,
  });
  const stopSweeper = startSweeper(sweeperDb, stack.config.webhookSweepIntervalMs, (e) =>
    console.error(`webhook sweeper: ${e instanceof Error ? e.message : String(e)}`),
  );
  const stopAlerts = repeatTask(
    stack.config.alertEvaluateIntervalMs,
    () => runAlertChecks(sweeperDb, alertCheckOptions(stack.config)),
    (e) => console.error(`alert evaluation: ${e instanceof Error ? e.message : String(e)}`),
  );
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    await app.stop();
    await stopSweeper();
    await stopAlerts();
    await sweeperDb.$disconnect();
    await stack.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  await waitForHttp(`${stack.appUrl}/api/health`, 120_000);
  const seeded = await seedDemo(stack);

  console.log(`
points-ops is running at ${stack.appUrl}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
${seeded.summary}
Press Ctrl-C to stop.`);
}

main().catch(exitWithError);
