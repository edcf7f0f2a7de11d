// GET /api/alerts/firing – how many alerts are firing, for the header badge (ops and above)
import { withRole } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db/prisma";
import { firingSummary, type FiringSummary } from "@/lib/alerts/list-alerts";

export const dynamic = "force-dynamic";

export const GET = withRole("ops", async () => Response.json((await firingSummary(getDb())) satisfies FiringSummary));
