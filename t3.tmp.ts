import { ensurePostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations, schemaDriftSql } from "@/lib/db/migrate";
async function main() {
  const pg = await ensurePostgres();
  const step = process.argv[2];
  if (step === "drift") await schemaDriftSql(pg.databaseUrl);
  if (step === "apply") await applyMigrations(pg.databaseUrl);
  await pg.stop();
  setTimeout(() => { console.log((process as any)._getActiveHandles().map((h: any) => h.constructor.name + " " + (h.remoteAddress ?? "") + (h.remotePort ?? ""))); }, 500).unref();
}
main();
