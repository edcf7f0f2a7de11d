// The audit log, newest first, with keyset pagination on (created_at, id): a
// page, or an export batch, costs the same deep in the log as at its top
// because the position is an index condition, never an OFFSET.
import { newestFirstKeyset, type KeysetPage } from "@/lib/db/keyset-page";
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { instantRange } from "@/lib/http/url-query";
import { actionMatch, type AuditFilter, type AuditQuery } from "./audit-filters";

export const PAGE_SIZE = 50;

const auditRowSelect = {
  id: true,
  action: true,
  target: true,
  detail: true,
  createdAt: true,
  actor: { select: { name: true, email: true } },
} satisfies Prisma.AuditLogSelect;

/** JSON-safe, so the same shape goes to the page and the CSV export. */
export interface AuditRow {
  id: string;
  createdAt: string;
  /** null for failed sign-ins of unknown emails and for deleted users */
  actor: { name: string; email: string } | null;
  action: string;
  target: string | null;
  detail: Prisma.JsonValue | null;
}

function toAuditRow(row: Prisma.AuditLogGetPayload<{ select: typeof auditRowSelect }>): AuditRow {
  return { ...row, id: row.id.toString(), createdAt: row.createdAt.toISOString() };
}

// Prisma passes `contains` to LIKE as is, so a typed % or _ would match anything.
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

export function auditWhere(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (filter.actor) where.actor = { is: { email: { contains: likeLiteral(filter.actor), mode: "insensitive" } } };
  if (filter.action) {
    const match = actionMatch(filter.action);
    where.action = "prefix" in match ? { startsWith: match.prefix } : match.exact;
  }
  if (filter.target) where.target = { contains: likeLiteral(filter.target), mode: "insensitive" };
  where.createdAt = instantRange(filter);
  return where;
}

const keyset = newestFirstKeyset("createdAt");

export type AuditPage = KeysetPage<AuditRow>;

export async function listAuditEntries(db: Db, query: AuditQuery, pageSize = PAGE_SIZE): Promise<AuditPage> {
  const found = await keyset.page(query, pageSize, ({ beyond, orderBy, take }) =>
    db.auditLog.findMany({ where: { AND: [auditWhere(query), beyond] }, orderBy, take, select: auditRowSelect }),
  );
  return { ...found, rows: found.rows.map(toAuditRow) };
}
