// Who owns the shared embedded server, and who else is using it.
//
// `<dataDir>-owner.pid` names the process responsible for stopping the server;
// `<dataDir>-clients/<pid>` marks every other process using it. When the
// owner finishes while clients remain (tests started before `npm start`, say),
// ownership passes to one of them instead of pulling the server from under
// them. A server whose owner died without handing over (killed by a signal) is
// adopted if clients remain, and is a leftover otherwise.
import fs from "node:fs";
import path from "node:path";
import { isProcessAlive, readPid } from "./process-utils";

export const ownerFile = (dataDir: string) => `${dataDir}-owner.pid`;
const clientsDir = (dataDir: string) => `${dataDir}-clients`;

export function readOwner(dataDir: string): number | null {
  return readPid(ownerFile(dataDir));
}

export function becomeOwner(dataDir: string): void {
  fs.writeFileSync(ownerFile(dataDir), String(process.pid));
}

const registrations = new Map<string, number>();

/** Marks this process as a user of the server until the returned function (or exit) runs. */
export function registerClient(dataDir: string): () => void {
  const file = path.join(clientsDir(dataDir), String(process.pid));
  const count = registrations.get(dataDir) ?? 0;
  registrations.set(dataDir, count + 1);
  if (count === 0) {
    fs.mkdirSync(clientsDir(dataDir), { recursive: true });
    fs.writeFileSync(file, "");
    process.on("exit", () => fs.rmSync(file, { force: true }));
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const left = (registrations.get(dataDir) ?? 1) - 1;
    registrations.set(dataDir, left);
    if (left === 0) fs.rmSync(file, { force: true });
  };
}

/** Other processes registered as users of the server (dead ones are cleaned up). */
export function liveClients(dataDir: string): number[] {
  let names: string[];
  try {
    names = fs.readdirSync(clientsDir(dataDir));
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (pid > 0 && isProcessAlive(pid)) pids.push(pid);
    else fs.rmSync(path.join(clientsDir(dataDir), name), { force: true });
  }
  return pids;
}

/**
 * Called when this process is done with the server. Synchronous so it also
 * works in an 'exit' handler. Returns true when this process owns the server
 * and nobody else uses it, i.e. the caller should stop it now.
 */
export function releaseServer(dataDir: string, log: (line: string) => void): boolean {
  if (readOwner(dataDir) !== process.pid) return false;
  const heir = liveClients(dataDir)[0];
  if (heir === undefined) {
    fs.rmSync(ownerFile(dataDir), { force: true });
    return true;
  }
  fs.writeFileSync(ownerFile(dataDir), String(heir));
  fs.rmSync(path.join(clientsDir(dataDir), String(heir)), { force: true });
  log(`PostgreSQL is still in use; left running for pid ${heir}`);
  return false;
}
