// The "integration active" flag on our API key (§2 I1), for switching the
// integration off in an incident: while it is off Points refuses our calls (and,
// per the double's ASSUMPTION, everything but this switch). Points has no call
// that reads the flag, so the last state we set is kept in app_settings.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/prisma";
import type { PointsClient } from "@/lib/points/client";
import type { Actor } from "./endpoint-deps";
import type { IntegrationResult } from "./integration-schemas";
import { pointsRefusal } from "./points-refusal";

const INTEGRATION_SETTING = "integration_active";
const valueSchema = z.object({ active: z.boolean() });

export interface IntegrationSwitchState {
  active: boolean;
  at: Date;
  by: { name: string; email: string } | null;
}

/** The last state set through points-ops, or null when nobody has used the switch here. */
export async function readIntegrationSwitch(db: Db): Promise<IntegrationSwitchState | null> {
  const row = await db.appSetting.findUnique({ where: { key: INTEGRATION_SETTING } });
  const value = valueSchema.safeParse(row?.value);
  if (!row || !value.success) return null;
  const by = row.updatedById
    ? await db.user.findUnique({ where: { id: row.updatedById }, select: { name: true, email: true } })
    : null;
  return { active: value.data.active, at: row.updatedAt, by };
}

export async function setIntegrationActive(
  deps: { db: Db; client: PointsClient },
  actor: Actor,
  active: boolean,
): Promise<IntegrationResult> {
  let confirmed: boolean;
  try {
    confirmed = (await deps.client.setIntegrationActive(active)).active;
  } catch (error) {
    const refusal = pointsRefusal(error);
    if (refusal === undefined) throw error;
    return { ok: false, message: `${refusal}. The integration state did not change.` };
  }
  await deps.db.appSetting.upsert({
    where: { key: INTEGRATION_SETTING },
    create: { key: INTEGRATION_SETTING, value: { active: confirmed }, updatedById: actor.id },
    update: { value: { active: confirmed }, updatedById: actor.id },
  });
  await recordAudit(deps.db, {
    actorId: actor.id,
    action: confirmed ? "integration.enable" : "integration.disable",
    detail: { requested: active, confirmed },
  });
  return {
    ok: true,
    message: confirmed
      ? "The integration is on: Points accepts calls with our key again."
      : "The integration is off: Points refuses calls made with our key until it is switched on again.",
  };
}
