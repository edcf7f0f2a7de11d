import pg from "pg";
import { ensurePostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
const origConnect = pg.Client.prototype.connect;
let n = 0;
(pg.Client.prototype as any).connect = function (this: any, ...a: any[]) { const id = ++n; this.__id = id; console.log("client connect", id, this.database, new Error().stack?.split("\n").slice(2,6).join(" | ")); return origConnect.apply(this, a as any); };
const origEnd = pg.Client.prototype.end;
(pg.Client.prototype as any).end = function (this: any, ...a: any[]) { console.log("client end", this.__id); return origEnd.apply(this, a as any); };
const origPoolEnd = pg.Pool.prototype.end;
(pg.Pool.prototype as any).end = function (this: any, ...a: any[]) { console.log("pool end total", this.totalCount, "idle", this.idleCount); return origPoolEnd.apply(this, a as any); };
async function main() {
  const p = await ensurePostgres();
  await applyMigrations(p.databaseUrl);
  console.log("applied");
  await p.stop();
}
main();
