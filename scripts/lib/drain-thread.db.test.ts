// The drain thread (lib/webhooks/drain-thread.ts, started here as npm start
// starts it) against a real PostgreSQL: a stored delivery is applied by the
// worker thread, and when the thread cannot run, by the main thread instead, so
// that nothing waits for the sweeper; a keep-alive (the route handler's after())
// holds until the thread's drain has ended, or, if the thread dies, until the
// main thread's drain that took over has ended.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/prisma";
import { createReceiverPool } from "@/lib/db/receiver-pool";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { envelope, fixtureOrder, webhookRequest } from "@/lib/testing/webhook-fixtures";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";
import { startDrainWorker } from "@/lib/webhooks/drain-thread";
import { drainWorker, startDrainThread, type DrainThread } from "./drain-thread";

let database: TestDatabase;
let db: Db;
let sql: ReturnType<typeof createReceiverPool>;
let thread: DrainThread | undefined;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "drain_thread" });
  db = createDb(database.url);
  sql = createReceiverPool(database.url);
  // The queue's pool, in either thread, reads the environment once: as the server's does.
  process.env.DATABASE_URL = database.url;
});

afterAll(async () => {
  await thread?.stop();
  const holder = globalThis as unknown as { pointsOpsQueueDb?: Db };
  await holder.pointsOpsQueueDb?.$disconnect();
  await db.$disconnect();
  await sql.end();
  await database.drop();
});

beforeEach(async () => {
  await thread?.stop();
  thread = undefined;
});

/** Stores a delivery as the receiver does. */
async function storeDelivery(orderNumber: string) {
  const body = envelope("approved", fixtureOrder({ order_number: orderNumber }));
  const result = await receiveDelivery(sql, webhookRequest(body, "s"), { secrets: ["s"], sourceAddress: null });
  expect(result.status).toBe(200);
}

const deliveryStatus = async (orderNumber: string) =>
  (await db.webhookDelivery.findFirst({ where: { orderNumber }, select: { status: true } }))?.status;

/** Stores a delivery, tells the drain, and answers the order once the delivery is processed. */
async function storeAndDrain(drain: DrainThread, orderNumber: string) {
  await storeDelivery(orderNumber);
  drain.request();
  await expect.poll(() => deliveryStatus(orderNumber), { timeout: 20_000 }).toBe("processed");
  return db.order.findFirst({ where: { orderNumber }, select: { orderStatus: true } });
}

it("applies a stored delivery on the worker thread", async () => {
  thread = startDrainThread();
  expect(await storeAndDrain(thread, "THREAD-1")).toEqual({ orderStatus: "approved" });
  expect(thread.onWorker).toBe(true);
});

/** The drain thread, counting the messages the answering thread sends it. */
function countingDrainThread() {
  const sent = { count: 0 };
  const drain = startDrainWorker(() => {
    const worker = drainWorker();
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message: unknown) => {
      sent.count++;
      post(message);
    };
    return worker;
  });
  return { drain, sent };
}

it("wakes the thread to start a drain, not for each delivery the running drain will take", async () => {
  const counting = countingDrainThread();
  thread = counting.drain;
  const orders = Array.from({ length: 60 }, (_, i) => `WAKE-${i}`);
  // Stored one after another, each told to the thread as the receiver does: all but the first
  // arrive while the drain they started gathers or applies.
  for (const orderNumber of orders) {
    await storeDelivery(orderNumber);
    thread.request();
  }
  await expect
    .poll(() => db.webhookDelivery.count({ where: { orderNumber: { in: orders }, status: "processed" } }), {
      timeout: 20_000,
    })
    .toBe(orders.length);
  // The shared count, then a wake-up for the first delivery and one for each drain that had just
  // ended when a delivery came (before: one message for each of the 60).
  expect(counting.sent.count).toBeLessThanOrEqual(6);
});

it("applies a delivery told as the drain stops, when it sent no wake-up", async () => {
  thread = startDrainThread(new URL("../../lib/testing/drain-thread-slow-to-stop.ts", import.meta.url));
  await storeDelivery("EDGE-1");
  const tasks: Array<() => Promise<void>> = [];
  thread.request((task) => tasks.push(task));
  // Released when the thread says its drain ended; the thread then holds still before marking it stopped.
  await tasks[0]!();
  expect(await deliveryStatus("EDGE-1")).toBe("processed");
  await storeDelivery("EDGE-2");
  thread.request();
  await expect.poll(() => deliveryStatus("EDGE-2"), { timeout: 10_000 }).toBe("processed");
});

it("drains on the main thread when the worker cannot start, losing nothing", async () => {
  thread = startDrainThread(new URL("./no-such-drain-module.ts", import.meta.url));
  await expect.poll(() => thread!.onWorker, { timeout: 20_000 }).toBe(false);
  expect(await storeAndDrain(thread, "THREAD-2")).toEqual({ orderStatus: "approved" });
});

it("holds one keep-alive until the thread's drain has applied what was asked", async () => {
  thread = startDrainThread();
  await storeDelivery("THREAD-3");
  const tasks: Array<() => Promise<void>> = [];
  thread.request((task) => tasks.push(task));
  // A second arrival while the drain runs joins it: no second keep-alive.
  thread.request((task) => tasks.push(task));
  expect(tasks).toHaveLength(1);
  await tasks[0]!();
  expect(await deliveryStatus("THREAD-3")).toBe("processed");
  // Once it has ended, the next arrival keeps the invocation alive again.
  thread.request((task) => tasks.push(task));
  expect(tasks).toHaveLength(2);
  await tasks[1]!();
});

it("keeps the invocation alive through the calling thread's drain when the thread dies mid-request", async () => {
  thread = startDrainThread(new URL("../../lib/testing/drain-thread-that-dies.ts", import.meta.url));
  await storeDelivery("THREAD-4");
  const tasks: Array<() => Promise<void>> = [];
  thread.request((task) => tasks.push(task));
  expect(tasks).toHaveLength(1);
  await tasks[0]!();
  expect(thread.onWorker).toBe(false);
  // Released only once the drain that took over has applied the delivery, not when the thread died.
  expect(await deliveryStatus("THREAD-4")).toBe("processed");
});
