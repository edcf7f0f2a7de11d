// A drain thread that dies on its first request, before draining anything (an
// uncaught error): what drain-thread.db.test.ts starts to see the calling
// thread take over the drain and the keep-alive held for it.
import { parentPort } from "node:worker_threads";

parentPort?.once("message", () => {
  throw new Error("the drain thread died");
});
