"use server";
// The Go-live page's actions: ops start smoke runs; admins sign items off and
// undo sign-offs. Role first, then validated input, then the use case; each is
// audited.
import { after } from "next/server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffUser } from "@/lib/auth/require-user";
import { safeAction, validatedAction, type Refusal } from "@/lib/auth/safe-action";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { signOff, signOffSchema, undoSignOff, undoSignOffSchema, type SignOffResult } from "@/lib/go-live/sign-off";
import { requestOrigin } from "@/lib/http/request-origin";
import { getLogger } from "@/lib/log/logger";
import { getPointsClient } from "@/lib/points/get-points-client";
import { executeSmokeRun } from "@/lib/smoke/execute-smoke-run";
import { smokeEnvironment, smokeTargets } from "@/lib/smoke/smoke-targets";
import { startSmokeRun } from "@/lib/smoke/start-smoke-run";
import { getAcceptedSecrets } from "@/lib/webhooks/get-accepted-secrets";

const GENERIC_ERROR = "Something went wrong. Reload the page to see where things stand.";

export async function startSmokeRunAction(): Promise<{ ok: true; runId: string } | Refusal> {
  return safeAction("startSmokeRunAction", "ops", GENERIC_ERROR, async (user) => {
    const config = getConfig();
    const db = getDb();
    const started = await startSmokeRun(db, {
      trigger: "manual",
      environment: smokeEnvironment(config),
      startedById: user.id,
    });
    if (!started.ok) return { ok: false, message: started.message };
    await recordAudit(db, { actorId: user.id, action: "smoke.run", target: started.runId });
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
  });
}

async function asAdmin<S extends z.ZodType>(
  name: string,
  schema: S,
  input: unknown,
  run: (admin: StaffUser, data: z.infer<S>) => Promise<SignOffResult>,
) {
  const result = await validatedAction(name, "admin", GENERIC_ERROR, schema, input, run);
  if (result.ok) revalidatePath("/go-live");
  return result;
}

export async function signOffAction(input: unknown): Promise<SignOffResult> {
  return asAdmin("signOffAction", signOffSchema, input, (admin, data) => signOff(getDb(), admin, data));
}

export async function undoSignOffAction(input: unknown): Promise<SignOffResult> {
  return asAdmin("undoSignOffAction", undoSignOffSchema, input, (admin, data) => undoSignOff(getDb(), admin, data));
}
