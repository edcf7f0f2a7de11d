// Starts the shared embedded PostgreSQL in vitest's main process, so that it
// owns the server for the whole run; test workers (which come and go) reuse it.
import { ensurePostgres } from "./embedded-postgres";

export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (process.env.DATABASE_URL) return;
  const pg = await ensurePostgres();
  return () => pg.stop();
}
