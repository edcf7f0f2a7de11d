import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const resolve = { alias: [{ find: /^@\//, replacement: root }] };
const TESTS = ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"];
const DB_TESTS = ["lib/**/*.db.test.ts", "scripts/**/*.db.test.ts"];

// Two projects: `unit` (fast, no database or server) and `db` (*.db.test.ts:
// real PostgreSQL, the Points double, child processes). `vitest run` runs both;
// `--project unit` only the fast ones (npm test -- unit).
export default defineConfig({
  resolve,
  test: {
    // Vitest's default, one file per core but one, ran the db files one at a time on a 2-core
    // machine (CI's); they mostly wait on PostgreSQL, servers and child processes, and three at
    // once took the suite from ~385 s to ~240 s there (four: ~250 s).
    maxWorkers: Math.max(availableParallelism() - 1, 3),
    projects: [
      {
        resolve,
        // The Points double's tests start HTTP servers: generous on a busy machine.
        test: { name: "unit", environment: "node", include: TESTS, exclude: DB_TESTS, testTimeout: 30_000 },
      },
      {
        resolve,
        test: {
          name: "db",
          environment: "node",
          include: DB_TESTS,
          globalSetup: ["lib/db/vitest-global-setup.ts"],
          // Files run in parallel: each gets its own database from createTestDatabase().
          fileParallelism: true,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
