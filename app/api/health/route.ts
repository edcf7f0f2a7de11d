// GET /api/health – liveness plus a database round trip, for load balancers and uptime checks
import { getDb } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok", dbLatencyMs: Math.round(performance.now() - started) });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503 });
  }
}
