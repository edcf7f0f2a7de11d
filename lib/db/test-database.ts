// A fresh, migrated database per test file (or per test) on the shared server:
// DATABASE_URL's server when set, else the embedded PostgreSQL.
import { ensurePostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { createDatabase, dropDatabase, dropStaleDatabases, timestampedName, withDatabase } from "./pg-admin";

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const PREFIX = "test_";
// Older than this, a test database is a leftover of a crashed or killed run.
const STALE_AFTER_MS = 3 * 60 * 60 * 1000;

// One registration with the shared server per process, however many databases.
let embedded: ReturnType<typeof ensurePostgres> | undefined;

export async function createTestDatabase(opts: { prefix?: string } = {}): Promise<TestDatabase> {
  const serverUrl =
    process.env.DATABASE_URL ??
    (
      await (embedded ??= ensurePostgres().catch((e: unknown) => {
        embedded = undefined; // let the next call retry
        throw e;
      }))
    ).serverUrl;
  await dropStaleDatabases(serverUrl, PREFIX, STALE_AFTER_MS);

  // test_<prefix>_<unix seconds>_<random>, within PostgreSQL's 63-byte limit
  const label = (opts.prefix ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 36);
  const name = timestampedName(label ? `${PREFIX}${label}_` : PREFIX);
  await createDatabase(serverUrl, name);
  const url = withDatabase(serverUrl, name);
  const drop = () => dropDatabase(serverUrl, name);
  try {
    await applyMigrations(url);
  } catch (e) {
    await drop().catch(() => {});
    throw e;
  }
  return { url, name, drop };
}
