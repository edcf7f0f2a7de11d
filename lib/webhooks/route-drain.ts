// The route handler's drain (app/api/webhooks/points/route.ts). Under Next's
// server (next start, Vercel) it runs on a thread of its own, which Next's
// bundler builds from the Worker's URL below; where this module runs unbundled
// (tests that import the route), on the calling thread, as before.
import { Worker } from "node:worker_threads";
import { getQueueDb } from "@/lib/db/prisma";
import { drainSoon } from "./drain-queue";
import { startDrainWorker, type DrainThread, type KeepAlive } from "./drain-thread";

let thread: DrainThread | null = null;

/** Has a stored delivery applied soon, the server's invocation kept alive by `keepAlive` (after()) meanwhile. */
export function drainAfterAnswer(keepAlive: KeepAlive): void {
  if (!process.env.NEXT_RUNTIME) return drainSoon(getQueueDb, keepAlive);
  thread ??= startDrainWorker(() => new Worker(new URL("./drain-thread-entry.ts", import.meta.url)));
  thread.request(keepAlive);
}
