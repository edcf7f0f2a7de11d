import type { Client } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  target?: string;
  detail?: Prisma.InputJsonValue;
}

/** `db` may be a transaction: the entry then commits or rolls back with the change it records. */
export async function recordAudit(db: Client, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: entry });
}
