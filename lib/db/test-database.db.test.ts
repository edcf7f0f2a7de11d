import { describe, expect, it } from "vitest";
import { listDatabases, withClient } from "./pg-admin";
import { createTestDatabase } from "./test-database";

const tables = (url: string) =>
  withClient(url, async (c) =>
    (await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map(
      (r) => r.tablename,
    ),
  );

describe("createTestDatabase", () => {
  it("gives isolated, migrated databases and drops them", async () => {
    const [a, b] = await Promise.all([createTestDatabase({ prefix: "iso" }), createTestDatabase({ prefix: "iso" })]);
    try {
      expect(a.name).not.toBe(b.name);
      expect(a.name).toMatch(/^test_iso_\d{10}_[a-z0-9]{6}$/);
      expect(await tables(a.url)).toEqual(
        expect.arrayContaining(["_prisma_migrations", "users", "orders", "webhook_deliveries"]),
      );

      await withClient(a.url, (c) =>
        c.query(`INSERT INTO users (id, email, name, updated_at) VALUES (gen_random_uuid(), 'a@x', 'A', now())`),
      );
      const count = (url: string) =>
        withClient(url, async (c) => Number((await c.query("SELECT count(*) FROM users")).rows[0].count));
      expect(await count(a.url)).toBe(1);
      expect(await count(b.url)).toBe(0);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
    expect(await listDatabases(a.url, a.name)).toEqual([]);
  });

  it("drops test databases left by crashed runs", async () => {
    const keep = await createTestDatabase();
    const stale = `test_${Math.floor(Date.now() / 1000) - 4 * 3600}_zzzzzz`;
    await withClient(keep.url, (c) => c.query(`CREATE DATABASE "${stale}"`));
    const next = await createTestDatabase();
    try {
      expect(await listDatabases(keep.url, stale)).toEqual([]);
      expect(await listDatabases(keep.url, keep.name)).toEqual([keep.name]);
    } finally {
      await Promise.all([keep.drop(), next.drop()]);
    }
  });
});
