// The order timeline against the sandbox double (real HTTP, webhooks through
// the app's own receiver) and a real PostgreSQL, in both modes of the double
// (milliseconds and whole-second Points times): a staff refund reads staff →
// call → webhook, every row carries its facts, and the "Staff actions" card is
// built from the same entries as the timeline.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/require-user";
import { hashPassword } from "@/lib/auth/password";
import { requestOrderAction, type ActionDeps } from "@/lib/order-actions/request-order-action";
import { healDifference } from "@/lib/reconcile/heal-difference";
import { runReconciliation } from "@/lib/reconcile/run-reconciliation";
import { drift } from "@/lib/reconcile/test-helpers";
import { startReceivingHarness, type ReceivingHarness } from "@/lib/testing/receiving-harness";
import { describeEachSimMode } from "@/lib/testing/sim-modes";
import { entryPayload } from "./entry-payload";
import { orderTimeline, type TimelineEntry } from "./order-timeline";
import { orderStaffActions } from "./staff-actions";

describeEachSimMode("order timeline", (mode) => {
  let h: ReceivingHarness;
  let deps: ActionDeps;
  let admin: StaffUser;

  beforeAll(async () => {
    h = await startReceivingHarness(`timeline_${mode}`, mode);
    deps = { db: h.db, client: h.client(), refundApprovalThresholdSar: 500 };
    const user = await h.db.user.create({
      data: { email: "ada@test.local", name: "Ada", role: "admin", passwordHash: await hashPassword("secret-pass") },
    });
    admin = { id: user.id, email: user.email, name: user.name, role: "admin" };
  });
  afterAll(() => h.close());
  beforeEach(() => h.reset());

  const settled = () => h.settled();
  const paidOrder = (total: number) => h.paidOrder("TL", total);

  const refund = (uuid: string, amount: number, reason: string) =>
    requestOrderAction(deps, admin, { kind: "refund", orderUuid: uuid, idempotencyKey: randomUUID(), amount, reason });

  const indexOf = (timeline: TimelineEntry[], match: (e: TimelineEntry) => boolean) => {
    const i = timeline.findIndex(match);
    expect(i, "entry not on the timeline").toBeGreaterThanOrEqual(0);
    return i;
  };

  it("places a staff refund before its Points call, and the call before the webhook that confirmed it", async () => {
    const uuid = await paidOrder(400);
    // Two refunds in a row: each must read staff → call → webhook, the second after the first.
    expect(await refund(uuid, 50, "damaged box")).toMatchObject({ ok: true, status: "succeeded" });
    expect(await refund(uuid, 70, "late delivery")).toMatchObject({ ok: true, status: "succeeded" });
    await settled();

    const timeline = await orderTimeline(h.db, await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } }));
    const calls = timeline.filter((e) => e.kind === "api_call" && e.method === "POST" && e.path.endsWith("/refund"));
    const staff = timeline.filter((e) => e.kind === "action" && e.action === "order.refund");
    const webhooks = timeline.filter((e) => e.kind === "webhook" && e.event === "refunded");
    expect([calls.length, staff.length]).toEqual([2, 2]);
    // Two refunds inside one whole second bring the same snapshot twice, which is stored once (a duplicate).
    expect(webhooks.length).toBe(
      mode === "documented" && webhooks[0]?.kind === "webhook" && webhooks[0].duplicateCount ? 1 : 2,
    );
    const at = (e: TimelineEntry | undefined) => (e ? timeline.indexOf(e) : Infinity);
    for (const [n, amount] of [
      [0, 50],
      [1, 70],
    ] as const) {
      expect(staff[n]).toMatchObject({ actor: "Ada <ada@test.local>", facts: { amount, outcome: "succeeded" } });
      expect({
        staffBeforeCall: at(staff[n]) < at(calls[n]),
        callBeforeWebhook: at(calls[n]) < at(webhooks[n]),
      }).toEqual({
        staffBeforeCall: true,
        callBeforeWebhook: true,
      });
    }
    if (webhooks.length === 2) expect(at(webhooks[0])).toBeLessThan(at(staff[1]));
    // Rows say their change in words: the webhook the order status it brought.
    expect(new Set(webhooks.map((w) => w.kind === "webhook" && w.facts.orderStatus))).toEqual(
      new Set(["partially_refunded"]),
    );
    // Times on the page never run backwards.
    const times = timeline.map((e) => e.at.getTime());
    expect(times.filter((t, i) => i > 0 && t + (mode === "documented" ? 1000 : 0) < times[i - 1]!)).toEqual([]);
  });

  it("keeps payloads off the timeline and gives each one when asked", async () => {
    const uuid = await paidOrder(300);
    await refund(uuid, 20, "scratched");
    await settled();
    const timeline = await orderTimeline(h.db, await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } }));
    // The bodies are not on the timeline: no key of Points' order snapshot is.
    expect(JSON.stringify(timeline)).not.toContain("total_points");
    const webhook = timeline.find((e) => e.kind === "webhook" && e.event === "refunded")!;
    const payload = await entryPayload(h.db, { kind: "webhook", id: webhook.id });
    expect(payload?.json).toBe(true);
    expect(JSON.parse(payload!.text)).toMatchObject({ event: "refunded", order: { id: uuid } });
    const call = timeline.find((e) => e.kind === "api_call" && e.path.endsWith("/refund"))!;
    expect(JSON.parse((await entryPayload(h.db, { kind: "api_call", id: call.id }))!.text)).toMatchObject({
      request: { amount: 20, reason: "scratched" },
    });
    expect(await entryPayload(h.db, { kind: "webhook", id: "999999999" })).toBeNull();
  });

  it("lists a reconciliation heal on the Staff actions card as well as on the timeline", async () => {
    const uuid = await paidOrder(250);
    await refund(uuid, 10, "goodwill");
    await settled();
    await drift(h, uuid, "total_points = total_points + 7");
    await runReconciliation({ db: h.db, client: h.client() }, { trigger: "manual" });
    expect(await healDifference({ db: h.db, client: h.client() }, { orderUuid: uuid, actorId: admin.id })).toEqual({
      healed: true,
      closed: 1,
    });

    const order = await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } });
    const [timeline, card] = await Promise.all([orderTimeline(h.db, order), orderStaffActions(h.db, order, 60_000)]);
    const heal = timeline[indexOf(timeline, (e) => e.kind === "action" && e.action === "reconcile.heal")];
    expect(heal).toMatchObject({ actor: "Ada <ada@test.local>", facts: { fields: ["total_points"] } });
    // Newest first: the heal, then the refund request with its progress.
    expect(card.map((r) => (r.kind === "request" ? `request:${r.intent.kind}` : `done:${r.entry.action}`))).toEqual([
      "done:reconcile.heal",
      "request:refund",
    ]);
    // Every staff row of the timeline is on the card, as itself or as the request it belongs to.
    const onCard = new Set(card.map((r) => (r.kind === "request" ? r.intent.id : r.entry.id)));
    const staffRows = timeline.filter((e) => e.kind === "action");
    expect(staffRows.filter((e) => !onCard.has(e.intentId ?? e.id))).toEqual([]);
  });
});
