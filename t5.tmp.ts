import { ensurePostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
async function main() {
  const p = await ensurePostgres();
  await applyMigrations(p.databaseUrl);
  const t = Date.now();
  await p.stop();
  console.log("stopped", Date.now() - t);
  const i = setInterval(() => { console.log(Date.now() - t, (process as any)._getActiveHandles().map((h: any) => h.constructor.name + ":" + (h.fd ?? h._handle?.fd)));}, 1000);
  i.unref();
}
main();
