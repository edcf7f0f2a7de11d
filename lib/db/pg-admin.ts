// Small helpers for server-level statements (CREATE/DROP DATABASE) that take a
// URL and keep its options (sslmode, …) intact.
import pg from "pg";

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** A URL on the same server for maintenance work (the `postgres` database). */
export function maintenanceUrl(url: string): string {
  return withDatabase(url, "postgres");
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // An idle client whose server goes away emits 'error'; don't crash the process for it.
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  await withClient(maintenanceUrl(serverUrl), async (c) => {
    const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;
    const tpl = template ? ` TEMPLATE ${quoteIdent(template)}` : "";
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}${tpl}`);
    } catch (e) {
      // 42P04: created concurrently by another process, which is fine.
      if ((e as { code?: string }).code !== "42P04") throw e;
    }
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(maintenanceUrl(serverUrl), (c) =>
    c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

export async function listDatabases(serverUrl: string, like: string): Promise<string[]> {
  return withClient(maintenanceUrl(serverUrl), async (c) => {
    const r = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [like]);
    return r.rows.map((row) => row.datname);
  });
}

/** Drops databases whose name is `<prefix><unix seconds>_…` and older than maxAgeMs. */
export async function dropStaleDatabases(serverUrl: string, prefix: string, maxAgeMs: number): Promise<string[]> {
  const dropped: string[] = [];
  const escaped = prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  for (const name of await listDatabases(serverUrl, `${escaped}%`)) {
    const m = /^(\d{10})_/.exec(name.slice(prefix.length));
    if (!m || Date.now() - Number(m[1]) * 1000 < maxAgeMs) continue;
    await dropDatabase(serverUrl, name).then(
      () => dropped.push(name),
      () => {}, // another run may be dropping it at the same time
    );
  }
  return dropped;
}

/** `<prefix><unix seconds>_<random>`: sortable, unique, and its age is readable. */
export function timestampedName(prefix: string): string {
  const rand = Math.random().toString(36).slice(2, 8).padEnd(6, "0");
  return `${prefix}${Math.floor(Date.now() / 1000)}_${rand}`;
}
