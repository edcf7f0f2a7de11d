// npm run smoke: every smoke flow end to end against the configured Points
// (the sandbox double by default), with progress per flow and a summary; exit
// 0 only when every flow passed. The database is found as for `npm run
// reconcile`. Points' webhooks must reach the running app: its receiver is
// SMOKE_RECEIVER_URL, else APP_URL's, else http://localhost:$PORT's. Without
// POINTS_API_BASE_URL the double `npm start` runs (SIM_PORT, 4010) is used, so
// the smoke orders exist where the app's own calls go; else a double is started.
import { createDb } from "@/lib/db/prisma";
import { createPointsClient } from "@/lib/points/client";
import { executeSmokeRun, type StepEvent } from "@/lib/smoke/execute-smoke-run";
import { translator } from "@/lib/i18n/message";
import { flowLabel, seconds } from "@/lib/smoke/smoke-flow";
import { smokeEnvironment, smokeTargets } from "@/lib/smoke/smoke-targets";
import { startSmokeRun } from "@/lib/smoke/start-smoke-run";
import { exitWithError, startStack } from "./lib/stack";

// The command line speaks English, as the rest of npm's output does.
const say = translator("en", "GoLive");
const MARK = { running: "…", passed: "✔", failed: "✘", skipped: "–" } as const;

function print(e: StepEvent) {
  const label = say(flowLabel(e.flow));
  if (e.status === "running") return void console.log(`${MARK.running} ${label}`);
  const took = e.durationMs === undefined ? "" : ` (${seconds(e.durationMs)})`;
  console.log(`${MARK[e.status]} ${label}: ${e.status}${took}\n    ${e.detail ?? ""}`);
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  // No Next server here: the port names the app whose receiver the double and the smoke run use.
  const stack = await startStack({
    port,
    simPort: 0,
    persistSim: true,
    reuseSimOnPort: Number(process.env.SIM_PORT ?? 4010),
    log: (l) => console.error(l),
  });
  const { config } = stack;
  const db = createDb(config.databaseUrl);
  let code = 1;
  try {
    const { apiBaseUrl, privateKey, publicKey } = config.points;
    const targets = smokeTargets(config, `http://localhost:${port}`);
    const environment = smokeEnvironment(config);
    const started = await startSmokeRun(db, { trigger: "cli", environment, startedById: null });
    if (!started.ok) {
      console.error(`${started.message} (run ${started.runId})`);
      return;
    }
    console.log(`Smoke run ${started.runId} against ${environment}; Points delivers to ${targets.receiverUrl}\n`);
    const status = await executeSmokeRun(
      {
        db,
        client: createPointsClient({ baseUrl: apiBaseUrl, privateKey, publicKey, db }),
        authSecret: config.authSecret,
        ...targets,
        phoneNumber: config.smoke.phoneNumber,
        actor: null,
      },
      started.runId,
      print,
    );
    const steps = await db.smokeStep.findMany({ where: { runId: started.runId } });
    const passed = steps.filter((s) => s.status === "passed").length;
    console.log(
      `\nSmoke run ${status}: ${passed} of ${steps.length} flows passed. The Go-live page shows the results.`,
    );
    code = status === "passed" ? 0 : 1;
  } finally {
    await db.$disconnect();
    await stack.stop();
  }
  process.exit(code);
}

main().catch(exitWithError);
