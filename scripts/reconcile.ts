// npm run reconcile: one reconciliation run from the command line, to the end
// (continuing an unfinished one). Uses DATABASE_URL or the embedded PostgreSQL,
// and the sandbox double unless POINTS_API_BASE_URL is set (the one `npm start`
// runs when it answers, otherwise its own). Exit code 0 when
// the run completed, 1 otherwise.
import { createDb } from "@/lib/db/prisma";
import { createPointsClient } from "@/lib/points/client";
import { runReconciliation, type ReconcileSummary } from "@/lib/reconcile/run-reconciliation";
import { exitWithError, startStack } from "./lib/stack";

const WIDTH = 30;

function bar(done: number, planned: number): string {
  const total = Math.max(planned, done, 1);
  const filled = Math.round((done / total) * WIDTH);
  return `\r[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${done}/${total}`;
}

function summary(s: ReconcileSummary): string {
  if (s.status === "busy")
    return `Another invocation is working on run ${s.runId} (${s.checked + s.errors} of ${s.planned} done); try again later.`;
  const seconds =
    s.startedAt && s.finishedAt ? ` in ${((s.finishedAt.getTime() - s.startedAt.getTime()) / 1000).toFixed(1)} s` : "";
  return [
    `Run ${s.runId} ${s.status}${seconds}${s.resumed ? " (continued an earlier run)" : ""}`,
    `  planned ${s.planned}, checked ${s.checked}, differing ${s.differing}, errors ${s.errors}`,
    ...(s.lastError ? [`  last error: ${s.lastError}`] : []),
  ].join("\n");
}

async function main() {
  // No Next server here: the port only names the webhook target the double is given.
  const stack = await startStack({
    port: Number(process.env.PORT ?? 3000),
    simPort: 0,
    persistSim: true,
    reuseSimOnPort: Number(process.env.SIM_PORT ?? 4010),
    log: (l) => console.error(l),
  });
  const db = createDb(stack.config.databaseUrl);
  let code = 1;
  try {
    const { apiBaseUrl, privateKey, publicKey } = stack.config.points;
    const client = createPointsClient({ baseUrl: apiBaseUrl, privateKey, publicKey, db });
    const result = await runReconciliation(
      { db, client },
      { trigger: "cli", onProgress: (d, p) => process.stdout.write(bar(d, p)) },
    );
    process.stdout.write("\n");
    console.log(summary(result));
    code = result.status === "completed" ? 0 : 1;
  } finally {
    await db.$disconnect();
    await stack.stop();
  }
  process.exit(code);
}

main().catch(exitWithError);
