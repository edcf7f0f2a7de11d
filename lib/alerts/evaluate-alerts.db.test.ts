// Each rule against real PostgreSQL with planted traffic: it fires once, stays
// the same alert while its condition holds, and resolves when the planted rows
// age out of the window or are fixed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import {
  clearAlertTables,
  minutesBefore,
  plantCalls,
  plantOpenDifference,
  plantOverdueIntent,
} from "@/lib/testing/alert-fixtures";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { evaluateAlerts } from "./evaluate-alerts";
import { THRESHOLDS_KEY } from "./thresholds";

let database: TestDatabase;
let db: Db;
const T0 = new Date("2030-03-01T12:00:00.000Z");
const at = (minutesAfterT0: number) => new Date(T0.getTime() + minutesAfterT0 * 60_000);
const evaluateAt = (now: Date) => evaluateAlerts(db, { now, overdueMs: 10 * 60_000 });
const alertsOf = (rule: string) => db.alert.findMany({ where: { rule }, orderBy: { id: "asc" } });

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "alerts_evaluate" });
  db = createDb(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

beforeEach(() => clearAlertTables(db));

/** Fires at T0, is the same alert at T0+1 min, is resolved at `resolveAt` (after `fix`, if given). */
async function expectEpisode(rule: string, resolveAt: Date, fix?: () => Promise<unknown>) {
  const first = await evaluateAt(T0);
  expect(first).toMatchObject({ skipped: false, fired: [rule], resolved: [], firing: 1 });

  const second = await evaluateAt(at(1));
  expect(second).toMatchObject({ fired: [], resolved: [], firing: 1 });
  const [alert, ...more] = await alertsOf(rule);
  expect(more).toEqual([]);
  expect(alert).toMatchObject({ state: "firing", firedAt: T0, lastSeenAt: at(1), resolvedAt: null, notifiedAt: null });

  await fix?.();
  const last = await evaluateAt(resolveAt);
  expect(last).toMatchObject({ fired: [], resolved: [rule], firing: 0 });
  expect(await alertsOf(rule)).toEqual([
    expect.objectContaining({ id: alert!.id, state: "resolved", resolvedAt: resolveAt, lastSeenAt: at(1) }),
  ]);
  return alert!;
}

describe("evaluateAlerts", () => {
  it("fires nothing on a quiet system", async () => {
    await plantCalls(db, 200, minutesBefore(T0, 1), 20);
    expect(await evaluateAt(T0)).toEqual({ skipped: false, fired: [], resolved: [], firing: 0 });
  });

  it("Points 5xx: fires once, stays one alert, resolves when the errors leave the window, fires anew later", async () => {
    await plantCalls(db, 200, minutesBefore(T0, 2), 5);
    await plantCalls(db, 500, minutesBefore(T0, 1), 2);
    const alert = await expectEpisode("points_5xx", at(10)); // the default window is 10 min
    expect(alert.summary).toBe("Points answered 5xx 2 times in the last 10 min (alerts at 1).");
    expect(alert.severity).toBe("critical");
    expect(alert.detail).toEqual({ count: 2, windowMinutes: 10, minCount: 1 });

    await plantCalls(db, 503, at(20));
    expect(await evaluateAt(at(20))).toMatchObject({ fired: ["points_5xx"] });
    expect((await alertsOf("points_5xx")).map((a) => a.state)).toEqual(["resolved", "firing"]);
  });

  it("keeps the summary current while the alert holds", async () => {
    await plantCalls(db, 502, minutesBefore(T0, 1));
    await evaluateAt(T0);
    await plantCalls(db, 502, T0, 3);
    await evaluateAt(at(1));
    const [alert] = await alertsOf("points_5xx");
    expect(alert!.summary).toBe("Points answered 5xx 4 times in the last 10 min (alerts at 1).");
  });

  it("Points unreachable: counts calls without an answer", async () => {
    await plantCalls(db, null, minutesBefore(T0, 3), 3);
    await expectEpisode("points_network", at(8));
  });

  it("a 429 spike against the baseline fires points_spike_429 alone, and not for steady 429s", async () => {
    // Baseline: 6 in the hour before the spike window (0.1/min); spike: 8 in the last 5 min (1.6/min).
    await plantCalls(
      db,
      429,
      [10, 20, 30, 40, 50, 60].map((m) => minutesBefore(T0, m)),
    );
    await plantCalls(db, 429, minutesBefore(T0, 2), 8);
    await expectEpisode("points_spike_429", at(6));

    await clearAlertTables(db);
    // The same 8 in 5 min when the hour before had 2 a minute is business as usual.
    await plantCalls(
      db,
      429,
      Array.from({ length: 120 }, (_, i) => minutesBefore(T0, 5.5 + i / 2)),
    );
    await plantCalls(db, 429, minutesBefore(T0, 2), 8);
    expect((await evaluateAt(T0)).fired).not.toContain("points_spike_429");
  });

  it("many 4xx fire the class rule", async () => {
    await plantCalls(db, 404, minutesBefore(T0, 10), 10);
    await expectEpisode("points_4xx", at(6));
  });

  it("points_4xx does not count reads of orders Points does not know (reconciliation's missing-at-Points)", async () => {
    await plantCalls(db, 404, minutesBefore(T0, 3), 30, { method: "GET", path: `/orders/${randomUUID()}` });
    expect((await evaluateAt(T0)).fired).toEqual([]);
    // A refused action on an order is Points refusing us, whatever its status.
    await plantCalls(db, 404, minutesBefore(T0, 2), 10);
    expect((await evaluateAt(T0)).fired).toEqual(["points_4xx"]);
  });

  it("receiver 5xx: fires on recorded outages and resolves as they age out", async () => {
    await db.receiverFailure.create({
      data: { status: 503, reason: "unreachable", occurredAt: minutesBefore(T0, 1) },
    });
    await expectEpisode("receiver_5xx", at(15));
  });

  it("receiver 5xx: a slow database (lock or statement timeouts) is not an outage", async () => {
    await db.receiverFailure.createMany({
      data: ["lock_timeout", "statement_timeout", "lock_timeout"].map((reason) => ({
        status: 503,
        reason,
        occurredAt: minutesBefore(T0, 1),
      })),
    });
    expect((await evaluateAt(T0)).fired).toEqual([]);
    await db.receiverFailure.create({ data: { status: 503, reason: "overloaded", occurredAt: minutesBefore(T0, 1) } });
    expect((await evaluateAt(T0)).fired).toEqual(["receiver_5xx"]);
  });

  it("verification failures: fires at three in 15 min", async () => {
    await db.verificationFailure.createMany({
      data: [1, 2, 3].map((m) => ({
        reason: "wrong_secret",
        sourceAddress: "198.51.100.1",
        receivedAt: minutesBefore(T0, m),
      })),
    });
    await expectEpisode("verification_failures", at(13));
  });

  it("dead letters: fires while a recent delivery is dead and resolves once it is replayed", async () => {
    const dead = await storeDelivery(db, { status: "dead", receivedAt: minutesBefore(T0, 120) });
    await storeDelivery(db, { status: "dead", receivedAt: minutesBefore(T0, 25 * 60) }); // older than the lookback
    const alert = await expectEpisode("dead_letters", at(2), () =>
      db.webhookDelivery.update({ where: { id: dead.id }, data: { status: "processed" } }),
    );
    expect(alert.summary).toMatch(/^1 webhook delivery received in the last 24 h is dead-lettered/);
  });

  it("overdue confirmations: fires for an accepted action past CONFIRMATION_OVERDUE_MINUTES and resolves when its webhook confirms it", async () => {
    const overdue = await plantOverdueIntent(db, minutesBefore(T0, 11));
    await plantOverdueIntent(db, minutesBefore(T0, 5)); // not overdue yet
    const alert = await expectEpisode("overdue_confirmations", at(2), async () => {
      await db.actionIntent.updateMany({
        where: { awaitingWebhook: true },
        data: { awaitingWebhook: false, confirmedAt: at(2) },
      });
    });
    expect(alert.summary).toMatch(/^1 action Points accepted .* after 10 min/);
    expect(overdue.awaitingWebhook).toBe(true);
  });

  it("reconciliation differences: fires while one is open and resolves once it is healed", async () => {
    const difference = await plantOpenDifference(db);
    await expectEpisode("reconcile_differences", at(2), () =>
      db.reconcileDifference.update({ where: { id: difference.id }, data: { status: "healed" } }),
    );
  });

  it("opens one alert however many evaluators run at once", async () => {
    await plantCalls(db, 500, minutesBefore(T0, 1));
    const results = await Promise.all(Array.from({ length: 6 }, () => evaluateAt(T0)));
    expect(results.flatMap((r) => r.fired)).toEqual(["points_5xx"]);
    expect(await alertsOf("points_5xx")).toHaveLength(1);
  });

  it("resolves a firing alert whose rule no longer exists", async () => {
    await db.alert.create({ data: { rule: "retired_rule", summary: "from an older version" } });
    expect(await evaluateAt(T0)).toMatchObject({ resolved: ["retired_rule"], firing: 0 });
  });

  it("uses the thresholds stored in app_settings, and the defaults when the stored value is invalid", async () => {
    await plantCalls(db, 500, minutesBefore(T0, 1), 2);
    await db.appSetting.create({ data: { key: THRESHOLDS_KEY, value: { points5xx: { minCount: 3 } } } });
    expect((await evaluateAt(T0)).fired).toEqual([]);

    await db.appSetting.update({ where: { key: THRESHOLDS_KEY }, data: { value: { points5xx: { minCount: -1 } } } });
    expect((await evaluateAt(T0)).fired).toEqual(["points_5xx"]);
  });
});
