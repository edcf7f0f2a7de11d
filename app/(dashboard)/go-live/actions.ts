"use server";
// The Go-live page's actions: ops start smoke runs; admins sign items off and
// undo sign-offs, each with its audit entry in the same transaction.
import { after } from "next/server";
import { headers } from "next/headers";
import { staffAction } from "@/lib/auth/safe-action";
import { getConfig } from "@/lib/config/env";
import { signOff, signOffSchema, undoSignOff, undoSignOffSchema } from "@/lib/go-live/sign-off";
import { requestOrigin } from "@/lib/http/request-origin";
import { getLogger } from "@/lib/log/logger";
import { getPointsClient } from "@/lib/points/get-points-client";
import { executeSmokeRun } from "@/lib/smoke/execute-smoke-run";
import { smokeEnvironment, smokeTargets } from "@/lib/smoke/smoke-targets";
import { startSmokeRun } from "@/lib/smoke/start-smoke-run";
import { getAcceptedSecrets } from "@/lib/webhooks/get-accepted-secrets";

const genericMessage = "Something went wrong. Reload the page to see where things stand.";

// The run itself calls Points and the app's own receiver after the answer; its start is audited here.
export const startSmokeRunAction = staffAction(
  { name: "startSmokeRunAction", role: "ops", genericMessage },
  async ({ db, user, audit }) => {
    const config = getConfig();
    const started = await startSmokeRun(db, {
      trigger: "manual",
      environment: smokeEnvironment(config),
      startedById: user.id,
    });
    if (!started.ok) return { ok: false, message: started.message, notice: started.notice };
    await audit({ action: "smoke.run", target: started.runId });
    const deps = {
      db,
      client: getPointsClient(),
      authSecret: config.authSecret,
      accepted: getAcceptedSecrets(),
      ...smokeTargets(config, requestOrigin(await headers())),
      phoneNumber: config.smoke.phoneNumber,
      actor: user,
    };
    // The page follows the run's steps as they are recorded (GET /api/smoke/latest).
    after(() =>
      executeSmokeRun(deps, started.runId).catch(async (err: unknown) => {
        getLogger().error({ err, runId: started.runId }, "smoke run stopped");
        await db.smokeRun
          .update({ where: { id: started.runId }, data: { status: "failed", finishedAt: new Date() } })
          .catch(() => {});
      }),
    );
    return { ok: true, runId: started.runId };
  },
);

const signOffs = { role: "admin", genericMessage, revalidate: ["/go-live"] } as const;

export const signOffAction = staffAction(
  { ...signOffs, name: "signOffAction", input: signOffSchema },
  ({ user, input, transaction }) => transaction((tx) => signOff(tx, user, input)),
);

export const undoSignOffAction = staffAction(
  { ...signOffs, name: "undoSignOffAction", input: undoSignOffSchema },
  ({ user, input, transaction }) => transaction((tx) => undoSignOff(tx, user, input)),
);
