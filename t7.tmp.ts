import { ensurePostgres } from "@/lib/db/embedded-postgres";
import { dropDatabase } from "@/lib/db/pg-admin";
async function main() { const p = await ensurePostgres(); await dropDatabase(p.serverUrl, "points_ops"); await p.stop(); }
main();
