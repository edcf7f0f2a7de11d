// npm start's drain thread (lib/webhooks/drain-thread.ts). A worker thread does
// not inherit the tsx loader the server runs under, so it starts from
// drain-thread-boot.mjs, which registers the loader and then loads the entry.
import { Worker } from "node:worker_threads";
import { startDrainWorker, type DrainThread } from "@/lib/webhooks/drain-thread";

export type { DrainThread };

const ENTRY = new URL("../../lib/webhooks/drain-thread-entry.ts", import.meta.url);

/** The drain thread's worker, running `entry` (which a test points elsewhere to see the fallback). */
export const drainWorker = (entry: URL = ENTRY) =>
  new Worker(new URL("./drain-thread-boot.mjs", import.meta.url), { workerData: { entry: entry.href } });

/** Starts the drain thread. */
export function startDrainThread(entry: URL = ENTRY): DrainThread {
  return startDrainWorker(() => drainWorker(entry));
}
