import fs from "node:fs";
import path from "node:path";

// Resolved from the working directory rather than import.meta/__dirname so the
// same code runs under tsx (CJS), vitest (ESM) and Next's bundler.
let cachedRoot: string | undefined;
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = process.cwd();
  for (;;) {
    if (fs.existsSync(path.join(dir, "prisma", "schema.prisma"))) return (cachedRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir) return (cachedRoot = process.cwd());
    dir = parent;
  }
}

export const migrationsDir = () => path.join(repoRoot(), "prisma", "migrations");
export const dataRoot = () => path.join(repoRoot(), ".data");
