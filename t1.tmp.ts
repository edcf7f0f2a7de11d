import { ensurePostgres } from "@/lib/db/embedded-postgres";
async function main() {
const t0 = Date.now();
const pg = await ensurePostgres({ log: (l) => console.log("[pg]", l) });
console.log(pg.databaseUrl, pg.owned, Date.now() - t0, "ms");
const pg2 = await ensurePostgres({ log: (l) => console.log("[pg]", l) });
console.log("second", pg2.owned);
const t1 = Date.now();
await pg.stop();
console.log("stopped in", Date.now() - t1);
}
main();
