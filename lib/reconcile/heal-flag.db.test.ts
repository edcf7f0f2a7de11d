// Healing a lifecycle flag against the sandbox double and a real database:
// Points' state is applied through the heal path, then the flag is re-checked.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { drift, ghostOrder, seedOrders } from "@/lib/reconcile/test-helpers";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { healLifecycleFlag, STILL_IN_HISTORY } from "./heal-flag";
import { CLEARED_NOTE, recordLifecycleFlags } from "@/lib/lifecycle/record-flags";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("lifecycle_heal");
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.reset();
  await h.db.$executeRawUnsafe(
    "TRUNCATE orders, audit_log, lifecycle_flags, webhook_deliveries, delivery_attempts, reconcile_runs, reconcile_differences",
  );
});

const delivered = (id: string, event: string, order_status: string, minute: number) =>
  storeDelivery(h.db, {
    event,
    status: "processed",
    order: fixtureOrder({ id, order_status, updated_at: new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString() }),
  });

async function flagFor(uuid: string) {
  await recordLifecycleFlags(h.db, [uuid]);
  return h.db.lifecycleFlag.findFirstOrThrow({ where: { orderUuid: uuid } });
}

const heal = (id: bigint) => healLifecycleFlag({ db: h.db, client: h.client() }, { id, actorId: null });

describe("healLifecycleFlag", () => {
  it("applies Points' order over ours, closes the flag and says the history still shows the step; audited", async () => {
    const [uuid] = await seedOrders(h, 1);
    // We only ever got a `captured`, and our row believes it.
    await delivered(uuid!, "captured", "captured", 1);
    await drift(h, uuid!, "order_status = 'captured'");
    const flag = await flagFor(uuid!);
    expect(flag).toMatchObject({ rule: "captured_without_authorized", status: "open" });
    await h.control("/calls", undefined, "DELETE");

    expect(await heal(flag.id)).toEqual({ healed: true, historyLegal: false });
    expect((await h.db.order.findUniqueOrThrow({ where: { pointsUuid: uuid } })).orderStatus).toBe("approved");
    expect(await h.db.lifecycleFlag.findUniqueOrThrow({ where: { id: flag.id } })).toMatchObject({
      status: "healed",
      note: STILL_IN_HISTORY,
    });
    expect((await h.calls("GET", `^/orders/${uuid}$`)).length).toBe(1);
    expect(
      await h.db.auditLog.findMany({ where: { target: uuid }, select: { action: true }, orderBy: { id: "asc" } }),
    ).toEqual([{ action: "reconcile.heal" }, { action: "lifecycle.heal" }]);

    // Healed stays healed on the next check of the same history.
    await recordLifecycleFlags(h.db, [uuid!]);
    expect((await h.db.lifecycleFlag.findUniqueOrThrow({ where: { id: flag.id } })).status).toBe("healed");
    expect(await heal(flag.id)).toEqual({ healed: false, reason: "not_open" });
  });

  it("when the missing webhook has arrived meanwhile, the re-check finds the history legal", async () => {
    const [uuid] = await seedOrders(h, 1);
    await delivered(uuid!, "captured", "captured", 2);
    const flag = await flagFor(uuid!);
    await delivered(uuid!, "authorized", "authorized", 1);
    expect(await heal(flag.id)).toEqual({ healed: true, historyLegal: true });
    expect(await h.db.lifecycleFlag.findUniqueOrThrow({ where: { id: flag.id } })).toMatchObject({
      status: "healed",
      note: CLEARED_NOTE,
    });
  });

  it("an order Points does not have cannot be healed; the flag stays open", async () => {
    const ghost = await ghostOrder(h, "GHOST-F");
    await delivered(ghost, "refunded", "fully_refunded", 1);
    const flag = await flagFor(ghost);
    expect(await heal(flag.id)).toEqual({
      healed: false,
      reason: "refused",
      refusal: { healed: false, reason: "missing_at_points" },
    });
    expect((await h.db.lifecycleFlag.findUniqueOrThrow({ where: { id: flag.id } })).status).toBe("open");
    expect(await heal(flag.id + 1000n)).toEqual({ healed: false, reason: "not_found" });
  });
});
