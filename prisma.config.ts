// Prisma CLI configuration. Migrations are applied by scripts/db.ts (the
// schema engine as WebAssembly), so the CLI only needs the schema for `generate`.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
