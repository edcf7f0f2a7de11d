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

/**
 * A client for server-level statements: the `postgres` database, or the URL's
 * own database on hosts without one.
 */
async function withServerClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  try {
    return await withClient(withDatabase(url, "postgres"), fn);
  } catch (e) {
    // 3D000: database "postgres" does not exist
    if ((e as { code?: string }).code === "3D000" && databaseName(url)) return withClient(url, fn);
    throw e;
  }
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
  await withServerClient(serverUrl, async (c) => {
    const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;
    const tpl = template ? ` TEMPLATE ${quoteIdent(template)}` : "";
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}${tpl}`);
    } catch (e) {
      // Created concurrently by another process, which is fine: 42P04, or a
      // unique violation on pg_database when both passed the check at once.
      const code = (e as { code?: string }).code;
      if (code !== "42P04" && code !== "23505") throw e;
    }
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withServerClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

export async function listDatabases(serverUrl: string, like: string): Promise<string[]> {
  return withServerClient(serverUrl, async (c) => {
    const r = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [like]);
    return r.rows.map((row) => row.datname);
  });
}

/** Drops databases named by timestampedName(prefix) that are older than maxAgeMs. */
export async function dropStaleDatabases(serverUrl: string, prefix: string, maxAgeMs: number): Promise<string[]> {
  const dropped: string[] = [];
  const escaped = prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  for (const name of await listDatabases(serverUrl, `${escaped}%`)) {
    const m = /_?(\d{10})_[a-z0-9]{6}$/.exec(name.slice(prefix.length));
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
