// The one export route: GET streams a list as CSV for the filters in the query
// string, HEAD answers how many rows that is (X-Row-Count) so the browser can
// show progress. The role is the list page's own, checked before the query is
// read; a bad filter is a 400 with the page's own reason.
import "server-only";
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record-audit";
import { badRequest, withRole } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db/prisma";
import { LISTS, type ListName } from "@/lib/lists/list-registry";
import { csvFilename } from "./csv";
import { LIST_EXPORTS } from "./list-exports";

export const ROW_COUNT_HEADER = "X-Row-Count";

export function exportRoute(list: ListName) {
  const spec = LIST_EXPORTS[list];
  const prepare = (request: Request) => spec.prepare(new URL(request.url).searchParams);

  const GET = withRole(LISTS[list].role, async (request, user) => {
    const prepared = prepare(request);
    if (!prepared.ok) return badRequest(prepared.error);
    const t = await getTranslations("Exports");
    // Keys built from the column ids; lib/exports/list-exports.test.ts checks each is in both catalogues.
    const header = spec.columns.map((column) => t(`columns.${list}.${column}` as "columns.audit.id"));
    const db = getDb();
    const body = await prepared.value.open(db, header);
    await recordAudit(db, {
      actorId: user.id,
      action: spec.auditAction,
      detail: { filter: new URL(request.url).search },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csvFilename(list === "webhooks" ? "deliveries" : list, new Date())}"`,
        "Cache-Control": "no-store",
      },
    });
  });

  const HEAD = withRole(LISTS[list].role, async (request) => {
    const prepared = prepare(request);
    if (!prepared.ok) return new Response(null, { status: 400 });
    const rows = await prepared.value.count(getDb());
    return new Response(null, { headers: { [ROW_COUNT_HEADER]: String(rows), "Cache-Control": "no-store" } });
  });

  return { GET, HEAD };
}
