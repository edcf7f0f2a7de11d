// A drain thread that, each time it says a drain has ended, holds still for a
// while before it marks the drain stopped: what drain-thread.db.test.ts starts
// so that a delivery told in that moment finds the drain still marked running,
// sends no wake-up, and must be drained all the same.
import { parentPort } from "node:worker_threads";
import { serveDrainRequests } from "@/lib/webhooks/drain-thread";

const HOLD_MS = 500;

const port = parentPort!;
const post = port.postMessage.bind(port);
port.postMessage = (message: unknown) => {
  post(message);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, HOLD_MS);
};
serveDrainRequests();
