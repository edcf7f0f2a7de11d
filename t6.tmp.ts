import { ensurePostgres } from "@/lib/db/embedded-postgres";
import { schemaDriftSql } from "@/lib/db/migrate";
async function main() {
  const p = await ensurePostgres();
  const s = await schemaDriftSql(p.databaseUrl);
  console.log(s.slice(0, 200), s.length);
  await p.stop();
}
main();
