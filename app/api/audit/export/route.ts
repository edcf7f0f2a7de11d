// GET /api/audit/export – the audit log for the filters in the query string, as a streamed CSV download (admin only)
import { auditCsvFilename } from "@/lib/audit/audit-csv";
import { parseAuditFilter } from "@/lib/audit/audit-filters";
import { openAuditCsv } from "@/lib/audit/export-audit-csv";
import { recordAudit } from "@/lib/audit/record-audit";
import { AccessDenied, requireRole } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { requestPreferences } from "@/i18n/request-preferences";
import { getLogger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";
// A large export streams for a while; serverless functions must end.
export const maxDuration = 300;

const failure = (error: string, status: number) => Response.json({ ok: false, error }, { status });

export async function GET(request: Request): Promise<Response> {
  try {
    const admin = await requireRole("admin");
    const filter = parseAuditFilter(new URL(request.url).searchParams);
    if (!filter.ok) return failure(filter.error, 400);
    const db = getDb();
    const body = await openAuditCsv(db, filter.value, (await requestPreferences()).locale);
    // Who took a copy of the audit trail is itself part of it.
    await recordAudit(db, {
      actorId: admin.id,
      action: "audit.export",
      detail: { filter: new URL(request.url).search },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${auditCsvFilename(new Date())}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) return failure(error.message, error.status);
    getLogger().error({ err: error, route: "GET /api/audit/export" }, "route failed");
    return failure("The audit log could not be exported. Try again.", 500);
  }
}
