// The notifier against a real local HTTP receiver: what it posts, the
// throttling, and what happens when the receiver fails or hangs.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { clearAlertTables, minutesBefore, plantCalls, plantOpenDifference } from "@/lib/testing/alert-fixtures";
import { startAlertReceiver, type AlertReceiver } from "@/lib/testing/alert-receiver";
import { evaluateAlerts } from "./evaluate-alerts";
import { runAlertChecks } from "./run-alert-checks";
import { notifyAlerts } from "./notify-alerts";
import { THRESHOLDS_KEY } from "./thresholds";

let database: TestDatabase;
let db: Db;
let receiver: AlertReceiver;

const T0 = new Date("2030-03-01T12:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const check = (now: Date) => runAlertChecks(db, { now, overdueMs: 600_000, webhookUrl: receiver.url });

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "alerts_notify" });
  db = createDb(database.url);
  receiver = await startAlertReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await db?.$disconnect();
  await database?.drop();
});

beforeEach(async () => {
  await clearAlertTables(db);
  receiver.received.length = 0;
  receiver.answer = { status: 200 };
});

describe("alert notifications", () => {
  it("posts Slack-compatible JSON when an alert fires and again when it resolves, once each", async () => {
    await plantCalls(db, 500, minutesBefore(T0, 1), 3);
    const fired = await check(T0);
    expect(fired.notifications).toEqual({ sent: 1, failed: 0, throttled: 0 });
    expect(receiver.received).toEqual([{ contentType: "application/json", body: { text: expect.any(String) } }]);
    expect(receiver.texts()[0]).toBe(
      ":rotating_light: [points-ops] FIRING (critical) Points answers 5xx: Points answered 5xx 3 times in the last 10 min (alerts at 1). Since 1 Mar 2030 15:00 (Riyadh).",
    );

    expect((await check(at(1))).notifications.sent).toBe(0); // still firing: nothing new to say
    const resolved = await check(at(12));
    expect(resolved).toMatchObject({ resolved: ["points_5xx"], notifications: { sent: 1 } });
    expect(receiver.texts()[1]).toBe(
      ":white_check_mark: [points-ops] RESOLVED Points answers 5xx, after 12 min (1 Mar 2030 15:00 (Riyadh) to 1 Mar 2030 15:12 (Riyadh)). " +
        "Last seen: Points answered 5xx 3 times in the last 10 min (alerts at 1).",
    );
    expect(await check(at(13))).toMatchObject({ notifications: { sent: 0 } });
    expect(receiver.received).toHaveLength(2);
    expect(await db.alert.findFirst()).toMatchObject({ notifiedAt: at(12), notifyError: null });
  });

  it("posts a flapping rule once per window, then the alert that was held back", async () => {
    await plantCalls(db, 500, T0);
    await check(T0); // fires, posted
    await check(at(11)); // resolved, posted
    await plantCalls(db, 500, at(12));
    const again = await check(at(12)); // fires again 12 min after the first post: held back
    expect(again).toMatchObject({ fired: ["points_5xx"], notifications: { sent: 0, throttled: 1 } });
    expect(receiver.texts().map((t) => t.split(" ")[2])).toEqual(["FIRING", "RESOLVED"]);

    await plantCalls(db, 500, at(26));
    const later = await check(at(27)); // 16 min after the last post for the rule, still firing
    expect(later.notifications).toEqual({ sent: 1, failed: 0, throttled: 0 });
    expect(receiver.texts().map((t) => t.split(" ")[2])).toEqual(["FIRING", "RESOLVED", "FIRING"]);
  });

  it("never posts more than the per-minute cap; the rest go out in the next minute", async () => {
    await db.appSetting.create({ data: { key: THRESHOLDS_KEY, value: { notifications: { perMinute: 2 } } } });
    await plantCalls(db, 500, T0);
    await plantCalls(db, null, T0, 3);
    await plantOpenDifference(db);
    const first = await check(T0);
    expect(first.fired).toHaveLength(3);
    expect(first.notifications).toEqual({ sent: 2, failed: 0, throttled: 1 });
    expect((await check(at(0.5))).notifications).toEqual({ sent: 0, failed: 0, throttled: 1 });
    expect((await check(at(1.5))).notifications).toEqual({ sent: 1, failed: 0, throttled: 0 });
    expect(receiver.received).toHaveLength(3);
  });

  it("records a failed post without holding back the evaluation, and retries it on a later run", async () => {
    receiver.answer = { status: 500 };
    await plantOpenDifference(db);
    const run = await check(T0);
    expect(run).toMatchObject({ fired: ["reconcile_differences"], firing: 1, notifications: { sent: 0, failed: 1 } });
    const failed = await db.alert.findFirstOrThrow();
    expect(failed).toMatchObject({
      state: "firing",
      notifiedAt: null,
      notifyError: "the alert webhook answered HTTP 500",
    });

    receiver.answer = { status: 200 };
    expect((await check(at(1))).notifications).toEqual({ sent: 1, failed: 0, throttled: 0 });
    expect(await db.alert.findFirstOrThrow()).toMatchObject({ notifiedAt: at(1), notifyError: null });
    expect(receiver.received).toHaveLength(2);
  });

  it("gives up on a receiver that does not answer, and says why without the URL", async () => {
    receiver.answer = { status: 200, hang: true };
    await plantOpenDifference(db);
    await evaluateAlerts(db, { now: T0, overdueMs: 600_000 });
    // Without the timeout this would hang until the test's own timeout fails it.
    const result = await notifyAlerts(db, { url: receiver.url, now: at(1), timeoutMs: 300 });
    expect(result).toEqual({ sent: 0, failed: 1, throttled: 0 });
    const { notifyError } = await db.alert.findFirstOrThrow();
    expect(notifyError).toBe("the alert webhook did not answer within 0.3 s");
  });

  it("reports an unreachable receiver by its error code", async () => {
    await plantOpenDifference(db);
    await runAlertChecks(db, { now: T0, overdueMs: 600_000, webhookUrl: undefined }); // no ALERT_WEBHOOK_URL: nothing posted or recorded
    expect(await db.alert.findFirstOrThrow()).toMatchObject({ notifiedAt: null, notifyError: null });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await notifyAlerts(db, { url: `http://127.0.0.1:${port}/hook`, now: at(1) })).toMatchObject({ failed: 1 });
    expect((await db.alert.findFirstOrThrow()).notifyError).toBe(
      "the alert webhook could not be reached (ECONNREFUSED)",
    );
  });
});
