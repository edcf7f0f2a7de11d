import { ensurePostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations, schemaDriftSql, createMigration } from "@/lib/db/migrate";
async function main() {
  const pg = await ensurePostgres({ log: (l) => console.log("[pg]", l) });
  try {
    let t = Date.now();
    const sql = await schemaDriftSql(pg.databaseUrl);
    console.log("drift:", Date.now() - t, "ms\n", sql.slice(0, 400));
    t = Date.now();
    console.log(await createMigration(pg.databaseUrl, "init"), Date.now() - t, "ms");
    t = Date.now();
    console.log(await applyMigrations(pg.databaseUrl), Date.now() - t, "ms");
    t = Date.now();
    console.log(JSON.stringify(await schemaDriftSql(pg.databaseUrl)), Date.now() - t, "ms");
    console.log(await applyMigrations(pg.databaseUrl));
  } catch (e) { console.error("ERR", e); }
  finally { await pg.stop(); }
}
main();
