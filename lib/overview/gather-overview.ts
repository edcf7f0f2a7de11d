// Everything the overview shows, gathered at once; areas the role may not
// open are not read at all.
import { firingSummary, type FiringSummary } from "@/lib/alerts/list-alerts";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { latestSmokeRun, type SmokeRunView } from "@/lib/smoke/read-smoke-runs";
import { deliveryFigures, type DeliveryFigures } from "./delivery-figures";
import { orderFigures, type OrderFigures } from "./order-figures";
import { reconciliationFigures, type ReconciliationFigures } from "./reconciliation-figures";
import { overviewWindows, type Windows } from "./windows";

export interface Overview {
  windows: Windows;
  orders: OrderFigures;
  /** ops and above only */
  ops: {
    deliveries: DeliveryFigures;
    reconciliation: ReconciliationFigures;
    alerts: FiringSummary;
    smoke: SmokeRunView | null;
  } | null;
}

export async function gatherOverview(db: Db, role: Role, now = new Date()): Promise<Overview> {
  const windows = overviewWindows(now);
  const [orders, ops] = await Promise.all([
    orderFigures(db, windows),
    hasRole(role, "ops")
      ? Promise.all([deliveryFigures(db, windows), reconciliationFigures(db), firingSummary(db), latestSmokeRun(db)])
      : null,
  ]);
  return {
    windows,
    orders,
    ops: ops && { deliveries: ops[0], reconciliation: ops[1], alerts: ops[2], smoke: ops[3] },
  };
}
