// `prisma migrate deploy`, `migrate diff` and `migrate dev --create-only`
// equivalents on top of the WebAssembly schema engine (see schema-engine.ts).
import fs from "node:fs";
import path from "node:path";
import type { MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";
import { migrationsDir } from "./paths";
import { withClient } from "./pg-admin";
import { withSchemaEngine } from "./schema-engine";

const filters: SchemaFilter = { externalTables: [], externalEnums: [] };
const LOCKFILE = "migration_lock.toml";

/** Same shape the Prisma CLI hands to the engine. */
export function readMigrations(baseDir = migrationsDir()): MigrationList {
  const lockPath = path.join(baseDir, LOCKFILE);
  const lockfile = { path: LOCKFILE, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null };
  const dirs = fs.existsSync(baseDir)
    ? fs.readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir,
    lockfile,
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => {
      const file = path.join(baseDir, dir, "migration.sql");
      let content: { tag: "ok"; value: string } | { tag: "error"; value: string };
      try {
        content = { tag: "ok", value: fs.readFileSync(file, "utf8") };
      } catch (e) {
        content = { tag: "error", value: (e as Error).message };
      }
      return { path: dir, migrationFile: { path: "migration.sql", content } };
    }),
  };
}

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : typeof e === "string" ? e : JSON.stringify(e));

/** Like `prisma migrate deploy`: applies pending migrations, returns their names. */
export async function applyMigrations(
  databaseUrl: string,
  opts: { log?: (line: string) => void } = {},
): Promise<{ applied: string[] }> {
  const migrationsList = readMigrations();
  try {
    const out = await withSchemaEngine(databaseUrl, (engine) => engine.applyMigrations({ migrationsList, filters }));
    for (const name of out.appliedMigrationNames) opts.log?.(`applied ${name}`);
    return { applied: out.appliedMigrationNames };
  } catch (e) {
    const failed = await failedMigrations(databaseUrl).catch(() => []);
    const which = failed.length ? `migration ${failed.join(", ")} failed` : "applying migrations failed";
    throw new Error(`${which} on ${redact(databaseUrl)}:\n${errorMessage(e)}`, { cause: e });
  }
}

async function failedMigrations(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (c) => {
    const r = await c.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at",
    );
    return r.rows.map((row) => row.migration_name);
  });
}

const redact = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");

/**
 * SQL that takes a database built from prisma/migrations to prisma/schema.prisma;
 * "" when the migrations are complete. Replays the migrations in a shadow
 * database on the server of `databaseUrl`; that database itself is untouched.
 */
export async function schemaDriftSql(databaseUrl: string): Promise<string> {
  const migrations = readMigrations();
  const out = await withSchemaEngine(databaseUrl, (engine, schema) =>
    engine.diff({
      // The engine insists on migration_lock.toml, which exists only once there are migrations.
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters,
    }),
  );
  return meaningfulSql(out.stdout ?? "");
}

/** The engine answers "-- This is an empty migration." when there is nothing to do. */
function meaningfulSql(sql: string): string {
  const hasStatement = sql.split("\n").some((line) => line.trim() && !line.trim().startsWith("--"));
  return hasStatement ? sql.trim() + "\n" : "";
}

/** 20250101123456, in UTC like the Prisma CLI. */
const migrationTimestamp = (d = new Date()) => d.toISOString().replace(/\D/g, "").slice(0, 14);

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL from
 * schemaDriftSql (+ migration_lock.toml), like `prisma migrate dev
 * --create-only`. Returns the new directory, or null when there is nothing to do.
 * (The wasm engine's own createMigration cannot use an external shadow database.)
 */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  const slug = name.trim().replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 200);
  if (!slug) throw new Error(`invalid migration name: ${JSON.stringify(name)}`);
  const sql = await schemaDriftSql(databaseUrl);
  if (!sql) return null;

  const baseDir = migrationsDir();
  const dir = path.join(baseDir, `${migrationTimestamp()}_${slug}`);
  if (fs.existsSync(dir)) throw new Error(`migration directory already exists: ${dir}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  // Same content as the Prisma CLI writes, so both tools accept the directory.
  const lock = `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n`;
  const lockPath = path.join(baseDir, LOCKFILE);
  if (!fs.existsSync(lockPath)) fs.writeFileSync(lockPath, lock);
  return dir;
}
