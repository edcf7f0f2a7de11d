// Alert thresholds: defaults live here, an admin's overrides in app_settings
// under "alert_thresholds" (/settings/alerts). Every section and field has a
// default, so a stored value written before a field existed still loads.
import { z } from "zod";
import type { Client } from "@/lib/db/prisma";
import { getLogger } from "@/lib/log/logger";

export const THRESHOLDS_KEY = "alert_thresholds";

const DAY_MINUTES = 24 * 60;

const whole = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `must be a number (${what})` })
    .int(`must be a whole number (${what})`)
    .min(min, `must be at least ${min} (${what})`)
    .max(max, `must be at most ${max} (${what})`);

const minutes = (max = DAY_MINUTES) => whole("minutes", 1, max);
const count = whole("a count", 1, 100_000);

/** A rule that fires when at least `minCount` events happened in the last `windowMinutes`. */
const windowed = (d: { windowMinutes: number; minCount: number }, maxMinutes?: number) =>
  z
    .object({ windowMinutes: minutes(maxMinutes).default(d.windowMinutes), minCount: count.default(d.minCount) })
    .default(d);

export const DEFAULT_THRESHOLDS = {
  // Any 4xx is usually a refusal of one request (refused transition, unknown
  // order); only many of them say something is wrong on our side.
  points4xx: { windowMinutes: 15, minCount: 10 },
  // Points failing is never normal: one 5xx is worth knowing about.
  points5xx: { windowMinutes: 10, minCount: 1 },
  // A single timeout can be the network; three in ten minutes is an outage.
  pointsNetwork: { windowMinutes: 10, minCount: 3 },
  // 400/403/422/429, each on its own: the last `windowMinutes` against the
  // `baselineMinutes` before them. Fires at ≥ minCount AND ≥ factor × the
  // baseline rate (with no baseline, minCount alone decides).
  spike: { windowMinutes: 5, baselineMinutes: 60, minCount: 5, factor: 3 },
  receiver5xx: { windowMinutes: 15, minCount: 1 },
  verificationFailures: { windowMinutes: 15, minCount: 3 },
  // Lookback: a dead letter older than this stops alerting (it stays on the Webhooks page).
  deadLetters: { windowMinutes: DAY_MINUTES, minCount: 1 },
  // Lookback on when the action was sent; "overdue" itself is CONFIRMATION_OVERDUE_MINUTES.
  overdueConfirmations: { windowMinutes: DAY_MINUTES, minCount: 1 },
  reconcileDifferences: { minCount: 1 },
  notifications: { perRuleMinutes: 15, perMinute: 6 },
} as const;

const D = DEFAULT_THRESHOLDS;

export const thresholdsSchema = z.object({
  points4xx: windowed(D.points4xx),
  points5xx: windowed(D.points5xx),
  pointsNetwork: windowed(D.pointsNetwork),
  spike: z
    .object({
      windowMinutes: minutes(60).default(D.spike.windowMinutes),
      baselineMinutes: minutes().default(D.spike.baselineMinutes),
      minCount: count.default(D.spike.minCount),
      factor: z.coerce
        .number({ error: "must be a number (times the baseline rate)" })
        .min(1, "must be at least 1 (times the baseline rate)")
        .max(1_000, "must be at most 1000 (times the baseline rate)")
        .default(D.spike.factor),
    })
    .refine((s) => s.baselineMinutes > s.windowMinutes, {
      message: "must be longer than the spike window, or there is nothing to compare with",
      path: ["baselineMinutes"],
    })
    .default(D.spike),
  receiver5xx: windowed(D.receiver5xx),
  verificationFailures: windowed(D.verificationFailures),
  deadLetters: windowed(D.deadLetters, 7 * DAY_MINUTES),
  overdueConfirmations: windowed(D.overdueConfirmations, 7 * DAY_MINUTES),
  reconcileDifferences: z
    .object({ minCount: count.default(D.reconcileDifferences.minCount) })
    .default(D.reconcileDifferences),
  notifications: z
    .object({
      perRuleMinutes: whole("minutes", 0, DAY_MINUTES).default(D.notifications.perRuleMinutes),
      perMinute: whole("posts per minute", 1, 60).default(D.notifications.perMinute),
    })
    .default(D.notifications),
});

export type AlertThresholds = z.infer<typeof thresholdsSchema>;

export function defaultThresholds(): AlertThresholds {
  return thresholdsSchema.parse({});
}

/** The thresholds in force; a stored value that no longer validates is ignored (and logged) rather than stopping alerting. */
export async function loadThresholds(db: Pick<Client, "appSetting">): Promise<AlertThresholds> {
  const row = await db.appSetting.findUnique({ where: { key: THRESHOLDS_KEY } });
  if (!row) return defaultThresholds();
  const parsed = thresholdsSchema.safeParse(row.value);
  if (parsed.success) return parsed.data;
  getLogger().warn(
    { issue: parsed.error.issues[0]?.message },
    "stored alert thresholds are invalid; using the defaults",
  );
  return defaultThresholds();
}
