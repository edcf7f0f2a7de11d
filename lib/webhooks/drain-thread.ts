// The webhook drain on a worker thread of its own, for both servers: npm start
// (scripts/lib/drain-thread.ts) and the route handler under Next's server
// (route-drain.ts). On the main thread a drain pass's JavaScript (reading a few
// hundred stored bodies, building and reading its statements, the garbage it
// leaves) ran between acknowledgements, and each stretch of it was an
// acknowledgement's wait: at 300 deliveries a second npm start's p99 ack was
// 13.2 ms with the thread against 21.2 ms without it, and the route handler's
// median p99 of seven rounds 7.4 ms against 22.0 ms (docs/architecture.md,
// "The drain's own thread"). On its own thread the pass runs beside the acknowledgements, at a
// lower scheduling priority (Linux), so that the acknowledgements come first
// when both want the CPU: the queue is durable, Points' 10 s timeout is not.
//
// The thread runs the same drain as before (drainSoon over the queue's own
// pool); the main thread only tells it that a delivery was stored, and, where
// the invocation must be kept alive for it (the route handler's after()), holds
// it until the thread's drain ends. If the thread cannot start or dies, the
// main thread drains as before, and a keep-alive held for the thread's drain
// holds until that drain has ended.
//
// Telling is a count in memory both threads share, not a message: a message
// woke the thread once per delivery (at 300 a second, 300 wake-ups of a thread
// that was only going to add one to a count while its drain gathered), each a
// context switch and some tens of µs of CPU. The drain reads the count each
// time it looks (drain-queue.ts, countArrivalsWith); only a delivery that
// finds no drain running or asked for sends a message, to start one.
import { readlinkSync } from "node:fs";
import os from "node:os";
import { parentPort, type Worker } from "node:worker_threads";
import { getQueueDb } from "@/lib/db/prisma";
import { getLogger } from "@/lib/log/logger";
import { countArrivalsWith, drainSoon, requestDrain } from "./drain-queue";

/** Nice value of the drain thread: the scheduler then gives an acknowledgement's thread ~9 × its share. */
const DRAIN_NICE = 10;
/** What the thread posts when a drain it started has ended. */
const ENDED = "drain ended";

/**
 * Arrivals the answering thread has counted and the drain has not yet taken, and whether a drain
 * thread's drain is running or has been asked for, in memory both threads share. Sequentially
 * consistent (Atomics): an arrival counted as the drain stops is seen either by the arrival (no
 * drain: it asks for one) or by the thread (a count left over: it drains again).
 */
class ArrivalCount {
  private readonly cells: Int32Array;
  constructor(readonly buffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) {
    this.cells = new Int32Array(buffer);
  }
  /** Counts one arrival; true when it is the one to ask for a drain (none runs or was asked for). */
  add(): boolean {
    Atomics.add(this.cells, 0, 1);
    return this.claim();
  }
  /** Marks a drain as asked for; true unless one already was. */
  claim = (): boolean => Atomics.compareExchange(this.cells, 1, 0, 1) === 0;
  take = (): number => Atomics.exchange(this.cells, 0, 0);
  left = (): boolean => Atomics.load(this.cells, 0) > 0;
  stopped(): void {
    Atomics.store(this.cells, 1, 0);
  }
}

/** Keeps the server's invocation alive until the task's promise settles (the route handler's after()). */
export type KeepAlive = (task: () => Promise<void>) => void;

const runNow: KeepAlive = (task) => void task();

export interface DrainThread {
  /** A delivery was stored (or repeated): have the queue drained soon, kept alive by `keepAlive` if given. */
  request(keepAlive?: KeepAlive): void;
  /** False once the thread failed and the calling thread drains instead. */
  readonly onWorker: boolean;
  stop(): Promise<void>;
}

/** Starts a drain thread from `spawn` (a Worker running serveDrainRequests). */
export function startDrainWorker(spawn: () => Worker): DrainThread {
  let onWorker = true;
  // Set while a keep-alive waits for the thread's running drain to end; released (all at once) when it does.
  const waiting: Array<() => void> = [];
  const release = () => waiting.splice(0).forEach((resolve) => resolve());
  const fallBack = (error: unknown) => {
    if (!onWorker) return;
    onWorker = false;
    getLogger().error({ err: error }, "webhook queue: the drain thread stopped; draining on this thread");
    // Anything it had not applied yet is still queued: a drain here picks it up, and the keep-alive held
    // for the thread's drain holds for this one instead, so that on Vercel the invocation outlives it.
    void requestDrain(getQueueDb())
      .catch(() => {})
      .finally(release);
  };
  let worker: Worker | null = null;
  const arrivals = new ArrivalCount();
  try {
    worker = spawn();
    worker.postMessage(arrivals.buffer);
    worker.unref();
    worker.on("message", (message) => message === ENDED && release());
    worker.once("error", fallBack);
    worker.once("exit", (code) => fallBack(new Error(`drain thread exited (${code})`)));
  } catch (error) {
    fallBack(error);
  }
  return {
    request(keepAlive) {
      if (!onWorker || !worker) return drainSoon(getQueueDb, keepAlive ?? runNow);
      if (arrivals.add()) worker.postMessage(null);
      // One keep-alive at a time, as drainSoon registers one per drain: it covers the drain the
      // thread is running or is about to start for this request.
      if (keepAlive && waiting.length === 0) {
        const ended = new Promise<void>((resolve) => waiting.push(resolve));
        keepAlive(() => ended);
      }
    },
    get onWorker() {
      return onWorker;
    },
    async stop() {
      release();
      if (!worker) return;
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

/**
 * The thread's side: drains when woken, and says when a drain it started has ended. The first
 * message is the shared arrival count; a wake-up without one (a thread started by hand) drains as well.
 */
export function serveDrainRequests(): void {
  const port = parentPort;
  if (!port) throw new Error("serveDrainRequests runs on a worker thread");
  lowerThisThreadsPriority();
  let arrivals: ArrivalCount | null = null;
  const drain = () =>
    drainSoon(
      getQueueDb,
      (run) =>
        void run().finally(() => {
          port.postMessage(ENDED);
          arrivals?.stopped();
          // Counted after the drain last looked, by an answer that saw it running and did not ask.
          if (arrivals?.left() && arrivals.claim()) drain();
        }),
    );
  port.on("message", (message: unknown) => {
    if (!(message instanceof SharedArrayBuffer)) return drain();
    arrivals = new ArrivalCount(message);
    countArrivalsWith(arrivals.take);
  });
}
