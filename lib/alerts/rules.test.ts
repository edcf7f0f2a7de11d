import { describe, expect, it } from "vitest";
import { RULES, SPIKE_STATUSES, spikeResult, type AlertFacts } from "./rules";
import { defaultThresholds, thresholdsSchema } from "./thresholds";

const t = defaultThresholds();

function facts(patch: Partial<AlertFacts> = {}): AlertFacts {
  return {
    points: { "4xx": 0, "5xx": 0, network: 0 },
    spikes: Object.fromEntries(SPIKE_STATUSES.map((s) => [s, { recent: 0, baseline: 0 }])) as AlertFacts["spikes"],
    receiver5xx: 0,
    verificationFailures: 0,
    deadLetters: 0,
    overdueConfirmations: 0,
    overdueMinutes: 10,
    openDifferences: 0,
    ...patch,
  };
}

const rule = (id: string) => {
  const found = RULES.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe("alert rules", () => {
  it("has one rule per condition of the issue, each with a unique id", () => {
    expect(RULES.map((r) => r.id)).toEqual([
      "points_5xx",
      "points_network",
      "points_4xx",
      "points_spike_400",
      "points_spike_403",
      "points_spike_422",
      "points_spike_429",
      "receiver_5xx",
      "verification_failures",
      "dead_letters",
      "overdue_confirmations",
      "reconcile_differences",
    ]);
  });

  it("holds for none of them when nothing happened", () => {
    expect(RULES.filter((r) => r.check(facts(), t).holds)).toEqual([]);
  });

  it.each([
    [
      "points_5xx",
      facts({ points: { "4xx": 0, "5xx": 1, network: 0 } }),
      /Points answered 5xx once in the last 10 min \(alerts at 1\)/,
    ],
    [
      "points_network",
      facts({ points: { "4xx": 0, "5xx": 0, network: 3 } }),
      /could not be reached .* 3 times in the last 10 min/,
    ],
    [
      "points_4xx",
      facts({ points: { "4xx": 10, "5xx": 0, network: 0 } }),
      /Points refused 10 requests \(4xx\) in the last 15 min/,
    ],
    [
      "receiver_5xx",
      facts({ receiver5xx: 2 }),
      /receiver could not reach the database .* answered 503 2 times in the last 15 min/,
    ],
    [
      "verification_failures",
      facts({ verificationFailures: 3 }),
      /3 webhook requests failed the secret check in the last 15 min/,
    ],
    ["dead_letters", facts({ deadLetters: 1 }), /1 webhook delivery received in the last 24 h is dead-lettered/],
    [
      "overdue_confirmations",
      facts({ overdueConfirmations: 2 }),
      /2 actions Points accepted in the last 24 h still wait .* after 10 min/,
    ],
    ["reconcile_differences", facts({ openDifferences: 4 }), /4 reconciliation differences are open/],
  ])("%s holds at its threshold and says so", (id, f, summary) => {
    const result = rule(id).check(f, t);
    expect(result.holds).toBe(true);
    expect(result.summary).toMatch(summary);
  });

  it.each([
    ["points_5xx", facts({ points: { "4xx": 50, "5xx": 0, network: 2 } })],
    ["points_network", facts({ points: { "4xx": 0, "5xx": 5, network: 2 } })],
    ["points_4xx", facts({ points: { "4xx": 9, "5xx": 5, network: 0 } })],
    ["verification_failures", facts({ verificationFailures: 2 })],
  ])("%s does not hold below its threshold or on other classes", (id, f) => {
    expect(rule(id).check(f, t).holds).toBe(false);
  });

  it("follows the configured thresholds", () => {
    const strict = thresholdsSchema.parse({
      points4xx: { minCount: 1, windowMinutes: 60 },
      reconcileDifferences: { minCount: 10 },
    });
    expect(rule("points_4xx").check(facts({ points: { "4xx": 1, "5xx": 0, network: 0 } }), strict)).toMatchObject({
      holds: true,
      summary: expect.stringContaining("in the last 1 h (alerts at 1)"),
    });
    expect(rule("reconcile_differences").check(facts({ openDifferences: 9 }), strict).holds).toBe(false);
  });
});

describe("spike rule", () => {
  const s = t.spike; // 5 min against the 60 before, ≥ 5 and ≥ 3×

  it("fires on a burst well above the baseline rate", () => {
    // 6 in 5 min = 1.2/min against 12 in 60 min = 0.2/min: 6×
    const result = spikeResult(429, { recent: 6, baseline: 12 }, s);
    expect(result.holds).toBe(true);
    expect(result.summary).toMatch(
      /Points answered 429 6 times in the last 5 min, 6× the rate of the 1 h before \(12 then/,
    );
  });

  it("does not fire when the rate is what it usually is", () => {
    // 10 in 5 min = 2/min against 120 in 60 min = 2/min
    expect(spikeResult(422, { recent: 10, baseline: 120 }, s).holds).toBe(false);
  });

  it("does not fire below the minimum count, however quiet the baseline was", () => {
    expect(spikeResult(403, { recent: 4, baseline: 0 }, s).holds).toBe(false);
  });

  it("fires on the count alone when there is no baseline", () => {
    const result = spikeResult(400, { recent: 5, baseline: 0 }, s);
    expect(result.holds).toBe(true);
    expect(result.summary).toContain("with none in the 1 h before");
  });

  it("fires exactly at the factor", () => {
    // 3/min against 1/min
    expect(spikeResult(429, { recent: 15, baseline: 60 }, s).holds).toBe(true);
    expect(spikeResult(429, { recent: 14, baseline: 60 }, s).holds).toBe(false);
  });

  it("is one rule per status, each reading its own counts", () => {
    const f = facts();
    f.spikes[403] = { recent: 8, baseline: 0 };
    expect(RULES.filter((r) => r.check(f, t).holds).map((r) => r.id)).toEqual(["points_spike_403"]);
  });
});

describe("thresholds", () => {
  it("fills every default from an empty value", () => {
    expect(thresholdsSchema.parse({})).toEqual(defaultThresholds());
    expect(defaultThresholds().spike).toEqual({ windowMinutes: 5, baselineMinutes: 60, minCount: 5, factor: 3 });
  });

  it("coerces form strings and keeps defaults for fields left out", () => {
    expect(thresholdsSchema.parse({ points5xx: { minCount: "4" } }).points5xx).toEqual({
      windowMinutes: 10,
      minCount: 4,
    });
  });

  it.each([
    [{ points5xx: { minCount: 0 } }, ["points5xx", "minCount"], "must be at least 1 (a count)"],
    [{ points5xx: { windowMinutes: 2.5 } }, ["points5xx", "windowMinutes"], "must be a whole number (minutes)"],
    [
      { spike: { windowMinutes: 30, baselineMinutes: 30 } },
      ["spike", "baselineMinutes"],
      "must be longer than the spike window",
    ],
    [{ spike: { factor: "lots" } }, ["spike", "factor"], "must be a number (times the baseline rate)"],
    [{ notifications: { perMinute: 0 } }, ["notifications", "perMinute"], "must be at least 1 (posts per minute)"],
  ])("refuses %j with a message on the field", (input, path, message) => {
    const parsed = thresholdsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path, message: expect.stringContaining(message) });
  });
});
