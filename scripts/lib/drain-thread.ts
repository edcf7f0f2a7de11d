// npm start's webhook drain, on a worker thread of its own. On the main thread
// a drain pass's JavaScript (parsing a few hundred bodies, building and reading
// its statements, the garbage it leaves) ran between acknowledgements, and
// each stretch of it was an acknowledgement's wait: at 300 deliveries a second
// the p99 ack was 13.2 ms with the thread against 21.2 ms without it (floor
// 7.4; docs/architecture.md, "The drain's own thread (npm start), and what
// still sets npm start's tail"). On
// its own thread the pass runs beside the acknowledgements, at a lower
// scheduling priority (Linux), so that the acknowledgements come first when
// both want the CPU: the queue is durable, Points' 10 s timeout is not.
//
// The thread runs the same drain as the route handler (drainSoon over the
// queue's own pool); the main thread only tells it that a delivery was stored.
// If the thread cannot start or dies, the main thread drains as before.
import { readlinkSync } from "node:fs";
import os from "node:os";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { getQueueDb } from "@/lib/db/prisma";
import { getLogger } from "@/lib/log/logger";
import { drainSoon } from "@/lib/webhooks/drain-queue";

/** Nice value of the drain thread: the scheduler then gives an acknowledgement's thread ~9 × its share. */
const DRAIN_NICE = 10;
/** Marks the worker as this module's, apart from any other worker that imports it (a test runner's). */
const MARK = "points-ops drain thread";

const drainHere = () => drainSoon(getQueueDb, (run) => void run());

export interface DrainThread {
  /** A delivery was stored (or repeated): have the queue drained soon. */
  request(): void;
  /** False once the thread failed and this thread drains instead. */
  readonly onWorker: boolean;
  stop(): Promise<void>;
}

/**
 * Starts the drain thread. `entry` is the module it runs (this one, which
 * then listens for requests); a test points it elsewhere to see the fallback.
 */
export function startDrainThread(entry: URL = new URL(import.meta.url)): DrainThread {
  const worker = new Worker(new URL("./drain-thread-boot.mjs", import.meta.url), {
    workerData: { mark: MARK, entry: entry.href },
  });
  worker.unref();
  let onWorker = true;
  const fallBack = (error?: unknown) => {
    if (!onWorker) return;
    onWorker = false;
    getLogger().error({ err: error }, "webhook queue: the drain thread stopped; draining on the main thread");
    // Anything it had not applied yet is still queued: one pass here picks it up.
    drainHere();
  };
  worker.once("error", fallBack);
  worker.once("exit", (code) => fallBack(new Error(`drain thread exited (${code})`)));
  return {
    request: () => (onWorker ? worker.postMessage(null) : drainHere()),
    get onWorker() {
      return onWorker;
    },
    async stop() {
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}

/** Lowers this thread's priority, where the OS lets a thread name itself (Linux); elsewhere it keeps the default. */
function lowerThisThreadsPriority() {
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    os.setPriority(threadId, DRAIN_NICE);
  } catch {
    // Not Linux: the drain competes at the default priority, as it did on the main thread.
  }
}

if ((workerData as { mark?: unknown } | null)?.mark === MARK && parentPort) {
  lowerThisThreadsPriority();
  parentPort.on("message", drainHere);
}
