// The alert rules. Each is a pure function of the counted facts and the
// thresholds: does its condition hold, and how to say so in one sentence. The
// sentences go to Slack, so they carry counts and windows only (never a
// customer, a phone number or a secret).
import { alertSummary, inEnglish } from "./alert-message";
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
  /** Its title is the catalogue's Alerts.rules.<id> (ruleTitle in alert-message.ts). */
  id: string;
  severity: "critical" | "warning";
  check(facts: AlertFacts, t: AlertThresholds): RuleResult;
}

function windowed(rule: string, count: number, t: { windowMinutes: number; minCount: number }, extra = {}): RuleResult {
  const detail = { count, windowMinutes: t.windowMinutes, minCount: t.minCount, ...extra };
  return { holds: count >= t.minCount, summary: inEnglish(alertSummary(rule, detail)!), detail };
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
  const detail = {
    status,
    recent: f.recent,
    baseline: f.baseline,
    windowMinutes: t.windowMinutes,
    baselineMinutes: t.baselineMinutes,
    factor: t.factor,
    minCount: t.minCount,
  };
  return { holds, summary: inEnglish(alertSummary(`points_spike_${status}`, detail)!), detail };
}

const spikeRules: AlertRule[] = SPIKE_STATUSES.map((status) => ({
  id: `points_spike_${status}`,
  severity: "warning",
  check: (f, t) => spikeResult(status, f.spikes[status], t.spike),
}));

export const RULES: AlertRule[] = [
  {
    id: "points_5xx",
    severity: "critical",
    check: (f, t) => windowed("points_5xx", f.points["5xx"], t.points5xx),
  },
  {
    id: "points_network",
    severity: "critical",
    check: (f, t) => windowed("points_network", f.points.network, t.pointsNetwork),
  },
  {
    id: "points_4xx",
    severity: "warning",
    check: (f, t) => windowed("points_4xx", f.points["4xx"], t.points4xx),
  },
  ...spikeRules,
  {
    id: "receiver_5xx",
    severity: "critical",
    check: (f, t) => windowed("receiver_5xx", f.receiver5xx, t.receiver5xx),
  },
  {
    id: "verification_failures",
    severity: "warning",
    check: (f, t) => windowed("verification_failures", f.verificationFailures, t.verificationFailures),
  },
  {
    id: "dead_letters",
    severity: "warning",
    check: (f, t) => windowed("dead_letters", f.deadLetters, t.deadLetters),
  },
  {
    id: "overdue_confirmations",
    severity: "warning",
    check: (f, t) =>
      windowed("overdue_confirmations", f.overdueConfirmations, t.overdueConfirmations, {
        overdueMinutes: f.overdueMinutes,
      }),
  },
  {
    id: "reconcile_differences",
    severity: "warning",
    check: (f, t) => {
      const detail = { count: f.openDifferences, minCount: t.reconcileDifferences.minCount };
      return {
        holds: f.openDifferences >= detail.minCount,
        summary: inEnglish(alertSummary("reconcile_differences", detail)!),
        detail,
      };
    },
  },
];
