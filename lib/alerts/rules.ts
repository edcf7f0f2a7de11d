// The alert rules. Each is a pure function of the counted facts and the
// thresholds: does its condition hold, and how to say so in one sentence. The
// sentences go to Slack, so they carry counts and windows only (never a
// customer, a phone number or a secret).
import type { AlertThresholds } from "./thresholds";

export const SPIKE_STATUSES = [400, 403, 422, 429] as const;
export type SpikeStatus = (typeof SPIKE_STATUSES)[number];

/** What gather-facts.ts counts; each count already over its rule's window. */
export interface AlertFacts {
  points: { "4xx": number; "5xx": number; network: number };
  /** Per status: calls in the spike window, and in the baseline period just before it. */
  spikes: Record<SpikeStatus, { recent: number; baseline: number }>;
  receiver5xx: number;
  verificationFailures: number;
  deadLetters: number;
  overdueConfirmations: number;
  /** CONFIRMATION_OVERDUE_MINUTES, for the wording. */
  overdueMinutes: number;
  openDifferences: number;
}

export interface RuleResult {
  holds: boolean;
  summary: string;
  detail: Record<string, number>;
}

export interface AlertRule {
  id: string;
  title: string;
  severity: "critical" | "warning";
  check(facts: AlertFacts, t: AlertThresholds): RuleResult;
}

const times = (n: number) => (n === 1 ? "once" : `${n} times`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const window = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`);

function windowed(
  count: number,
  t: { windowMinutes: number; minCount: number },
  sentence: (count: number, window: string) => string,
): RuleResult {
  return {
    holds: count >= t.minCount,
    summary: `${sentence(count, window(t.windowMinutes))} (alerts at ${t.minCount}).`,
    detail: { count, windowMinutes: t.windowMinutes, minCount: t.minCount },
  };
}

/** Calls per minute in the spike window against the baseline period's rate; with no baseline the count alone decides. */
export function spikeResult(
  status: SpikeStatus,
  f: { recent: number; baseline: number },
  t: AlertThresholds["spike"],
): RuleResult {
  const recentRate = f.recent / t.windowMinutes;
  const baselineRate = f.baseline / t.baselineMinutes;
  const holds = f.recent >= t.minCount && recentRate >= t.factor * baselineRate;
  const ratio = baselineRate > 0 ? `${(recentRate / baselineRate).toFixed(1)}× the rate of` : "with none in";
  return {
    holds,
    summary:
      `Points answered ${status} ${times(f.recent)} in the last ${window(t.windowMinutes)}, ${ratio} the ${window(t.baselineMinutes)} before ` +
      `(${f.baseline} then; alerts at ${t.minCount} and ${t.factor}× the usual rate).`,
    detail: {
      status,
      recent: f.recent,
      baseline: f.baseline,
      windowMinutes: t.windowMinutes,
      baselineMinutes: t.baselineMinutes,
      factor: t.factor,
    },
  };
}

const spikeRules: AlertRule[] = SPIKE_STATUSES.map((status) => ({
  id: `points_spike_${status}`,
  title: `Spike of ${status} from Points`,
  severity: "warning",
  check: (f, t) => spikeResult(status, f.spikes[status], t.spike),
}));

export const RULES: AlertRule[] = [
  {
    id: "points_5xx",
    title: "Points answers 5xx",
    severity: "critical",
    check: (f, t) =>
      windowed(f.points["5xx"], t.points5xx, (n, w) => `Points answered 5xx ${times(n)} in the last ${w}`),
  },
  {
    id: "points_network",
    title: "Points unreachable",
    severity: "critical",
    check: (f, t) =>
      windowed(
        f.points.network,
        t.pointsNetwork,
        (n, w) => `Points could not be reached (network error or timeout) ${times(n)} in the last ${w}`,
      ),
  },
  {
    id: "points_4xx",
    title: "Points answers 4xx",
    severity: "warning",
    check: (f, t) =>
      windowed(
        f.points["4xx"],
        t.points4xx,
        (n, w) => `Points refused ${plural(n, "request", "requests")} (4xx) in the last ${w}`,
      ),
  },
  ...spikeRules,
  {
    id: "receiver_5xx",
    title: "Webhook receiver cannot reach the database",
    severity: "critical",
    check: (f, t) =>
      windowed(
        f.receiver5xx,
        t.receiver5xx,
        (n, w) =>
          `Our webhook receiver could not reach the database (unreachable or out of connections) and answered 503 ${times(n)} in the last ${w}; Points retries them`,
      ),
  },
  {
    id: "verification_failures",
    title: "Webhook secret check failures",
    severity: "warning",
    check: (f, t) =>
      windowed(
        f.verificationFailures,
        t.verificationFailures,
        (n, w) => `${plural(n, "webhook request", "webhook requests")} failed the secret check in the last ${w}`,
      ),
  },
  {
    id: "dead_letters",
    title: "Dead-lettered webhook deliveries",
    severity: "warning",
    check: (f, t) =>
      windowed(
        f.deadLetters,
        t.deadLetters,
        (n, w) =>
          `${plural(n, "webhook delivery", "webhook deliveries")} received in the last ${w} ${n === 1 ? "is" : "are"} dead-lettered; replay from the Webhooks page`,
      ),
  },
  {
    id: "overdue_confirmations",
    title: "Overdue webhook confirmations",
    severity: "warning",
    check: (f, t) =>
      windowed(
        f.overdueConfirmations,
        t.overdueConfirmations,
        (n, w) =>
          `${plural(n, "action", "actions")} Points accepted in the last ${w} still ${n === 1 ? "waits" : "wait"} for the confirming webhook after ${f.overdueMinutes} min`,
      ),
  },
  {
    id: "reconcile_differences",
    title: "Open reconciliation differences",
    severity: "warning",
    check: (f, t) => ({
      holds: f.openDifferences >= t.reconcileDifferences.minCount,
      summary: `${plural(f.openDifferences, "reconciliation difference is", "reconciliation differences are")} open (alerts at ${t.reconcileDifferences.minCount}).`,
      detail: { count: f.openDifferences, minCount: t.reconcileDifferences.minCount },
    }),
  },
];

export const RULE_TITLES: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.id, r.title]));
