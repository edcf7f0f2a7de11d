// Every staff page, found on disk (app/(dashboard)/**/page.tsx), so that a page
// added later is walked without anyone listing it. Dynamic segments take real
// rows from `samples`; a new dynamic page must add its sample here, or fails loudly.
import { readdirSync } from "node:fs";
import path from "node:path";

const DASHBOARD = path.join(import.meta.dirname, "../../app/(dashboard)");

/** Route patterns of every page.tsx under the dashboard, e.g. "/orders/[uuid]"; route groups "(x)" add nothing. */
function staffRoutes(dir = DASHBOARD, route = ""): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") routes.push(route || "/");
    if (entry.isDirectory() && !entry.name.startsWith("_")) {
      const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
      routes.push(...staffRoutes(path.join(dir, entry.name), route + segment));
    }
  }
  return routes.sort();
}

export const STAFF_ROUTES = staffRoutes();

export interface Samples {
  orderUuid: string;
  deliveryId: string;
}

const SEGMENTS: Record<string, (s: Samples) => string> = {
  "/orders/[uuid]": (s) => s.orderUuid,
  "/webhooks/[id]": (s) => s.deliveryId,
};

/** The route with each dynamic segment filled by its sample row. */
export function staffUrl(route: string, samples: Samples): string {
  return route.replace(/\/\[[^\]]+\]/g, (segment, offset: number) => {
    const pattern = route.slice(0, offset) + segment;
    const sample = SEGMENTS[pattern];
    if (!sample) throw new Error(`No sample row for ${pattern}: add one to SEGMENTS in e2e/helpers/staff-routes.ts`);
    return `/${sample(samples)}`;
  });
}
