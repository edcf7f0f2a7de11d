// The one Prisma client. Password hashes are omitted from every query unless a
// caller asks for them explicitly (only sign-in does).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig } from "@/lib/config/env";

export function createDb(databaseUrl: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 }),
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createDb>;

// Survives Next's hot reloads in dev, which would otherwise open a pool per reload.
const holder = globalThis as unknown as { pointsOpsDb?: Db };

export function getDb(): Db {
  holder.pointsOpsDb ??= createDb(getConfig().databaseUrl);
  return holder.pointsOpsDb;
}
