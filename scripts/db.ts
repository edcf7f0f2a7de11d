// Database commands (run with tsx). Uses DIRECT_DATABASE_URL, else DATABASE_URL,
// when set (migrations need a direct connection, not a transaction-mode
// pooler), otherwise the repo's embedded PostgreSQL (started if needed, stopped
// again if we started it).
//
//   tsx scripts/db.ts migrate            apply pending migrations
//   tsx scripts/db.ts migration <name>   write a new migration from prisma/schema.prisma
//   tsx scripts/db.ts check              exit 1 (and print the SQL) if schema and migrations differ
//
// Imports stay relative and free of the generated client so this works right
// after `npm ci --ignore-scripts`.
import { ensurePostgres, type RunningPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations, createMigration, schemaDriftSql } from "../lib/db/migrate";

const USAGE = "usage: tsx scripts/db.ts migrate | migration <name> | check";

async function database(): Promise<{ url: string; pg?: RunningPostgres }> {
  const url = process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL;
  if (url) return { url };
  // A throwaway server inside a Vercel build would "succeed" and migrate nothing real.
  if (process.env.VERCEL) throw new Error("DATABASE_URL is not set (on Neon, use the unpooled connection string)");
  const pg = await ensurePostgres({ log: (line) => console.error(`[postgres] ${line}`) });
  return { url: pg.databaseUrl, pg };
}

async function run(command: string | undefined, args: string[]): Promise<number> {
  if (command !== "migrate" && command !== "migration" && command !== "check") {
    console.error(USAGE);
    return 2;
  }
  if (command === "migration" && !args[0]) {
    console.error("usage: tsx scripts/db.ts migration <name>");
    return 2;
  }
  const { url, pg } = await database();
  try {
    const started = Date.now();
    if (command === "migrate") {
      const { applied } = await applyMigrations(url);
      console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
      console.log(`(${Date.now() - started} ms)`);
      return 0;
    }
    if (command === "migration") {
      const dir = await createMigration(url, args[0]!);
      console.log(dir ? `created ${dir}` : "schema.prisma and the migrations match; nothing to do");
      return 0;
    }
    const sql = await schemaDriftSql(url);
    if (!sql) {
      console.log("schema.prisma and prisma/migrations match");
      return 0;
    }
    console.error(
      "prisma/schema.prisma differs from prisma/migrations; add a migration (npm run db:migration -- <name>). Missing SQL:\n",
    );
    console.log(sql);
    return 1;
  } finally {
    await pg?.stop();
  }
}

run(process.argv[2], process.argv.slice(3)).then(
  // Explicit exit: embedded-postgres' exit hook would otherwise exit with 0.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
