// Run now and the page's poll against the sandbox double and a real database:
// each call answers at once, the work happens after it in bounded slices, and
// polling carries a run larger than one slice to its end.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "@/lib/points/test-helpers";
import { advanceSlicedRun, startSlicedRun } from "./run-in-slices";
import { drift, seedOrders } from "./test-helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("reconcile_slices");
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.reset();
  await h.db.$executeRawUnsafe("TRUNCATE reconcile_runs, reconcile_differences, orders, audit_log, lifecycle_flags");
});

/** Stands in for Next's after(): the tasks wait until the test runs them. */
function afterResponse() {
  const tasks: Array<() => Promise<void>> = [];
  return {
    later: (task: () => Promise<void>) => void tasks.push(task),
    tasks,
    runAll: async () => {
      while (tasks.length) await tasks.shift()!();
    },
  };
}

describe("sliced runs", () => {
  it("Run now answers before any order is read; the slice after it does the work", async () => {
    const uuids = await seedOrders(h, 3);
    await drift(h, uuids[0]!, "order_status = 'new'");
    await h.control("/calls", undefined, "DELETE");
    const bg = afterResponse();

    const started = await startSlicedRun({ db: h.db, client: h.client() }, bg.later);
    expect(started).toMatchObject({
      started: true,
      resumed: false,
      run: { status: "running", planned: 3, checked: 0, working: true, trigger: "manual" },
    });
    expect(await h.calls("GET", "^/orders/")).toHaveLength(0);
    expect(bg.tasks).toHaveLength(1);

    await bg.runAll();
    const runId = started.run!.id;
    expect(await advanceSlicedRun({ db: h.db, client: h.client() }, runId, bg.later)).toMatchObject({
      status: "completed",
      checked: 3,
      differing: 1,
      working: false,
    });
    expect(bg.tasks).toHaveLength(0);
  });

  it("a second Run now while one is worked on starts nothing and reports that run", async () => {
    await seedOrders(h, 1);
    const held = await h.db.reconcileRun.create({
      data: { trigger: "cron", planned: 1, lockedUntil: new Date(Date.now() + 60_000) },
    });
    const bg = afterResponse();
    expect(await startSlicedRun({ db: h.db, client: h.client() }, bg.later)).toEqual({
      started: false,
      run: expect.objectContaining({ id: held.id, trigger: "cron", status: "running", working: true }),
    });
    // The poll only reports while the lease is held.
    expect(await advanceSlicedRun({ db: h.db, client: h.client() }, held.id, bg.later)).toMatchObject({
      id: held.id,
      working: true,
    });
    expect(bg.tasks).toHaveLength(0);
    expect(await h.db.reconcileRun.count()).toBe(1);
  });

  it("polling carries a run longer than one slice to its end, one slice at a time", async () => {
    await seedOrders(h, 6);
    const fast = h.client();
    const slow = {
      getOrder: async (uuid: string) => (await new Promise((r) => setTimeout(r, 60)), fast.getOrder(uuid)),
    };
    // Four reads start at once and take longer than the 40 ms slice, so six orders need at least two slices.
    const deps = { db: h.db, client: slow };
    const bg = afterResponse();

    const started = await startSlicedRun(deps, bg.later, 40);
    let slices = 0;
    let progress = started.run!;
    while (progress.status === "running") {
      slices += bg.tasks.length;
      await bg.runAll();
      progress = (await advanceSlicedRun(deps, progress.id, bg.later, 40))!;
      expect(bg.tasks.length).toBeLessThanOrEqual(1);
    }
    expect(progress).toMatchObject({ status: "completed", planned: 6, checked: 6, errors: 0 });
    expect(slices).toBeGreaterThan(1);
    expect(await h.db.reconcileRun.count()).toBe(1);
  });
});
