// GET /api/audit/export – the audit log for the filters in the query string, as a streamed CSV download (admin only);
// HEAD – how many rows that is (lib/exports/export-route.ts)
import { exportRoute } from "@/lib/exports/export-route";

export const dynamic = "force-dynamic";
// A large export streams for a while; serverless functions must end.
export const maxDuration = 300;

export const { GET, HEAD } = exportRoute("audit");
