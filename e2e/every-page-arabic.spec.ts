// Every staff page, found on disk (app/(dashboard)/**/page.tsx), opened in
// Arabic by an admin: any English fails (the strict check), so a page added
// later without translation fails here without anyone listing it. Dynamic
// segments take real rows: an earning order created at the Points double,
// whose webhook gives the order and a delivery.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createEarningOrder } from "./helpers/sim";
import { expectNoEnglish } from "./helpers/no-english";
import { createStaffUser, e2eDb, signInAs } from "./helpers/staff-user";

const DASHBOARD = path.join(import.meta.dirname, "../app/(dashboard)");

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

const ROUTES = staffRoutes();

interface Samples {
  orderUuid: string;
  deliveryId: string;
}

/** A real row for each dynamic segment; a new one must be added here, or its page fails loudly. */
const SEGMENTS: Record<string, (s: Samples) => string> = {
  "/orders/[uuid]": (s) => s.orderUuid,
  "/webhooks/[id]": (s) => s.deliveryId,
};

function fill(route: string, samples: Samples): string {
  return route.replace(/\/\[[^\]]+\]/g, (segment, offset: number) => {
    const pattern = route.slice(0, offset) + segment;
    const sample = SEGMENTS[pattern];
    if (!sample) throw new Error(`No sample row for ${pattern}: add one to SEGMENTS in every-page-arabic.spec.ts`);
    return `/${sample(samples)}`;
  });
}

let samples: Samples;

test.beforeAll(async ({ request }) => {
  const orderNumber = `AR-EVERY-${Date.now()}`;
  await createEarningOrder(request, orderNumber);
  const db = e2eDb();
  try {
    // The double's webhook makes the order and its delivery here.
    await expect.poll(async () => db.order.count({ where: { orderNumber } }), { timeout: 30_000 }).toBe(1);
    const order = await db.order.findFirstOrThrow({ where: { orderNumber }, select: { pointsUuid: true } });
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { pointsOrderUuid: order.pointsUuid },
      select: { id: true },
    });
    samples = { orderUuid: order.pointsUuid, deliveryId: String(delivery.id) };
  } finally {
    await db.$disconnect();
  }
});

test("the routes found on disk include every kind of staff page", () => {
  // A sanity check on the discovery itself: static, nested and dynamic pages are all found.
  for (const route of ["/", "/orders", "/orders/[uuid]", "/settings/users", "/webhooks/[id]"])
    expect(ROUTES).toContain(route);
});

for (const route of ROUTES)
  test(`${route} shows no English to an admin reading Arabic`, async ({ page }) => {
    await signInAs(page, await createStaffUser("admin", { locale: "ar" }));
    const response = await page.goto(fill(route, samples));
    expect(response?.status(), route).toBe(200);
    await expect(page.locator("main")).toBeVisible();
    await expectNoEnglish(page, { strict: true });
  });
