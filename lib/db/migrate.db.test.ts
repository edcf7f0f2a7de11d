import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, schemaDriftSql } from "./migrate";
import { migrationsDir } from "./paths";
import { listDatabases, withClient } from "./pg-admin";
import { SHADOW_PREFIX } from "./schema-engine";
import { createTestDatabase, type TestDatabase } from "./test-database";

describe("migrations", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ prefix: "migrate" });
  });
  afterAll(async () => {
    await db?.drop();
  });

  // Fails when prisma/schema.prisma is edited without `npm run db:migration -- <name>`.
  it("prisma/migrations produce exactly prisma/schema.prisma (no drift)", async () => {
    const sql = await schemaDriftSql(db.url);
    expect(sql, `schema.prisma needs a migration:\n${sql}`).toBe("");
  });

  it("leaves no shadow database behind", async () => {
    await schemaDriftSql(db.url);
    const shadows = await listDatabases(db.url, `${SHADOW_PREFIX.replace(/_/g, "\\_")}%`);
    // other test files may be diffing right now; none of ours is left
    expect(shadows.filter((n) => Date.now() / 1000 - Number(n.split("_")[2]) > 60)).toEqual([]);
  });

  it("records applied migrations in the standard _prisma_migrations table", async () => {
    const names = fs
      .readdirSync(migrationsDir())
      .filter((n) => fs.statSync(path.join(migrationsDir(), n)).isDirectory());
    const rows = await withClient(
      db.url,
      async (c) =>
        (await c.query("SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name"))
          .rows,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names.sort());
    expect(rows.every((r) => r.finished_at && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect(await applyMigrations(db.url)).toEqual({ applied: [] });
  });

  it("names the migration that failed and rolls it back as a whole", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "points-ops-migrations-"));
    try {
      fs.cpSync(migrationsDir(), dir, { recursive: true });
      fs.mkdirSync(path.join(dir, "29990101000000_broken"));
      // $$ bodies and ';' in literals must survive: the script is not split on ';'
      fs.writeFileSync(
        path.join(dir, "29990101000000_broken", "migration.sql"),
        `CREATE TABLE "probe" (note text DEFAULT 'a;b');\nCREATE FUNCTION probe_fn() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\nSELECT * FROM "no_such_table";\n`,
      );
      await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
        /migration 29990101000000_broken failed/,
      );
      const probe = await withClient(
        db.url,
        async (c) => (await c.query(`SELECT to_regclass('probe') AS t`)).rows[0].t,
      );
      expect(probe).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
