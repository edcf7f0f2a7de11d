import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [{ find: /^@\//, replacement: root }],
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["lib/db/vitest-global-setup.ts"],
    // Files run in parallel: each gets its own database from createTestDatabase().
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
