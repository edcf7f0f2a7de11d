import type { Client } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./audit-actions";

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  target?: string;
  detail?: Prisma.InputJsonValue;
}

/** `db` may be a transaction: the entry then commits or rolls back with the change it records. */
export async function recordAudit(db: Client, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: entry });
}
