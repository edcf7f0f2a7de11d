// The drain thread's first module (scripts/lib/drain-thread.ts): a worker
// thread does not inherit the tsx loader the server runs under, so it
// registers it before loading the TypeScript module it was given.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
