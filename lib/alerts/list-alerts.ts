// What the Alerts page and the header badge read.
import type { Db } from "@/lib/db/prisma";

export const RESOLVED_SHOWN = 50;

export async function listAlerts(db: Db) {
  const [firing, resolved] = await Promise.all([
    db.alert.findMany({ where: { state: "firing" }, orderBy: [{ firedAt: "desc" }, { id: "desc" }] }),
    db.alert.findMany({
      where: { state: "resolved" },
      orderBy: [{ firedAt: "desc" }, { id: "desc" }],
      take: RESOLVED_SHOWN,
    }),
  ]);
  return { firing, resolved };
}

export type AlertRow = Awaited<ReturnType<typeof listAlerts>>["firing"][number];

export interface FiringSummary {
  count: number;
  critical: number;
}

export async function firingSummary(db: Db): Promise<FiringSummary> {
  const rows = await db.alert.groupBy({ by: ["severity"], where: { state: "firing" }, _count: true });
  return {
    count: rows.reduce((n, r) => n + r._count, 0),
    critical: rows.find((r) => r.severity === "critical")?._count ?? 0,
  };
}
