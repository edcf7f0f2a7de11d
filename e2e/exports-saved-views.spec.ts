// Exports, saved views and search as you type, as staff use them: each list's
// CSV holds exactly the rows its filters select (with progress while it
// streams), a saved view opens again from a new page load and from its shared
// link, the order search follows typing (and still works without JavaScript),
// and the toolbar speaks Arabic (axe on every list and dialog: every-page.spec.ts).
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { applyOrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { storeDelivery } from "@/lib/testing/stored-deliveries";
import { fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { expectNoEnglish } from "./helpers/no-english";
import { signIn, signInAs } from "./helpers/sign-in";
import { createStaffUser, e2eDb } from "./helpers/staff-user";

test.describe.configure({ timeout: 120_000 });

const run = `EXP-${randomUUID().slice(0, 6).toUpperCase()}`;
const toolbar = (page: Page) => page.getByTestId("list-toolbar");

// Once a run: several tests use the same orders, and a second copy would carry the same numbers.
let seeded: Promise<void> | undefined;
const seedOrders = () => (seeded ??= seedOrdersOnce());

async function seedOrdersOnce() {
  const db = e2eDb();
  const order = (suffix: string, orderStatus: string, type: "earning" | "replacing" = "earning") => ({
    uuid: randomUUID(),
    orderNumber: `${run}-${suffix}`,
    referenceNumber: `REF-${run}-${suffix}`,
    type,
    orderStatus,
    paymentStatus: "fully_paid",
    totalPrice: 100,
    totalPoints: 10,
    metadata: null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });
  try {
    for (const o of [order("A1", "approved"), order("A2", "cancelled"), order("B1", "cancelled", "replacing")])
      await applyOrderSnapshot(db, o);
  } finally {
    await db.$disconnect();
  }
}

/** Clicks Export CSV and reads the saved file: its header and its rows, split into cells where they are simple. */
async function exportCsv(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    toolbar(page).getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^points-ops-\w+-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await download.path(), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = text.slice(1).split("\r\n").slice(0, -1);
  return { header: header!.split(","), rows: rows.map((r) => r.split(",")) };
}

const column = (csv: { header: string[]; rows: string[][] }, name: string) =>
  csv.rows.map((row) => row[csv.header.indexOf(name)]);

test("orders export holds the filtered orders, with progress shown while it streams", async ({ page }) => {
  await seedOrders();
  await signIn(page, "admin", `/orders?q=${run}&status=cancelled`);
  await expect(page.getByTestId("order-row")).toHaveCount(2);

  const head = await page.request.head(`/api/exports/orders?q=${run}&status=cancelled`);
  expect(head.headers()["x-row-count"]).toBe("2");

  // Held back a moment, so the progress a person sees can be seen here too.
  await page.route("**/api/exports/orders?*", async (route) => {
    if (route.request().method() !== "GET") return route.continue();
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.fulfill({ response });
  });
  const downloaded = exportCsv(page);
  const progress = toolbar(page).getByTestId("export-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/Exporting… (0 rows|0 of 2)/);
  const csv = await downloaded;
  await expect(progress).toHaveCount(0);

  // The columns themselves: lib/exports/list-exports.test.ts.
  expect(csv.header).toContain("order_number");
  expect(column(csv, "order_number").sort()).toEqual([`${run}-A2`, `${run}-B1`]);
  expect(column(csv, "order_status")).toEqual(["cancelled", "cancelled"]);
});

test("delivery and difference exports hold the filtered rows; bad filters and roles are refused", async ({ page }) => {
  const db = e2eDb();
  const order = fixtureOrder({ order_number: `${run}-D` });
  const [x, y] = [randomUUID(), randomUUID()];
  try {
    // One event each: a delivery's dedupe key is its event and order.
    for (const [event, status] of [
      ["captured", "failed"],
      ["approved", "failed"],
      ["cancelled", "processed"],
    ] as const)
      await storeDelivery(db, { event, status, order });
    const { id: runId } = await db.reconcileRun.create({ data: { trigger: "manual", status: "completed" } });
    await db.reconcileDifference.createMany({
      data: [
        { runId, orderUuid: x, field: "total_price", kind: "mismatch", ours: 100, theirs: 90 },
        { runId, orderUuid: x, field: "order_status", kind: "mismatch", ours: "approved", theirs: "cancelled" },
        { runId, orderUuid: y, field: "total_price", kind: "mismatch", ours: 5, theirs: 6 },
      ],
    });
  } finally {
    await db.$disconnect();
  }
  await signIn(page, "ops");

  await page.goto(`/webhooks?q=${order.order_number}&status=failed`);
  await expect(page.getByTestId("delivery-row")).toHaveCount(2);
  const deliveries = await exportCsv(page);
  expect(column(deliveries, "order_number")).toEqual([order.order_number, order.order_number]);
  expect(column(deliveries, "status")).toEqual(["failed", "failed"]);

  await page.goto(`/reconciliation?field=total_price&q=${x}`);
  const differences = await exportCsv(page);
  expect(column(differences, "order_uuid")).toEqual([x]);
  expect(column(differences, "field")).toEqual(["total_price"]);
  expect(column(differences, "status")).toEqual(["open"]);

  for (const url of [
    "/api/exports/orders?q=%00",
    "/api/exports/webhooks?from=0000-01-01T00:00",
    "/api/exports/reconciliation?kind=nope",
  ]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(400);
    expect(((await response.json()) as { error: string }).error, url).toMatch(/^The filter "\w+" /);
  }
  expect((await page.request.get("/api/exports/nothing")).status()).toBe(404);
  expect((await page.request.get("/api/exports/audit")).status()).toBe(403);

  await page.context().clearCookies();
  await signIn(page, "support");
  expect((await page.request.get("/api/exports/webhooks")).status()).toBe(403);
  expect((await page.request.head("/api/exports/reconciliation")).status()).toBe(403);
  expect((await page.request.get(`/api/exports/orders?q=${run}`)).status()).toBe(200);
});

test("a saved view opens again from another page load and from its shared link", async ({ page, browser }) => {
  await signInAs(page, await createStaffUser("ops"), { landOn: "/webhooks?status=failed&event=captured" });
  await toolbar(page).getByRole("button", { name: "Saved views" }).click();
  const dialog = page.getByRole("dialog", { name: "Saved views" });
  await dialog.getByLabel("Name").fill("Failed captures");
  await dialog.getByRole("button", { name: "Save current filters" }).click();
  await expect(page.getByText("Saved “Failed captures”.").first()).toBeVisible();
  const view = dialog.getByTestId("saved-view").filter({ hasText: "Failed captures" });
  await expect(view).toBeVisible();
  const href = await view.getByRole("link", { name: "Failed captures" }).getAttribute("href");
  expect(href).toBe("/webhooks?event=captured&status=failed");

  // Another page load, without filters: the view is offered and opens its filters.
  await page.goto("/webhooks");
  await toolbar(page).getByRole("button", { name: "Saved views" }).click();
  await page.getByRole("dialog").getByRole("link", { name: "Failed captures" }).click();
  await expect(page).toHaveURL(/\/webhooks\?event=captured&status=failed$/);
  await expect(toolbar(page).getByLabel("Event")).toHaveValue("captured");
  await expect(toolbar(page).getByLabel("Status")).toHaveValue("failed");
  await expect(toolbar(page).getByRole("button", { name: /Saved views · Failed captures/ })).toBeVisible();

  // Shared with a colleague: the link alone opens the same filters.
  const colleague = await browser.newPage();
  await signInAs(colleague, await createStaffUser("ops"));
  await colleague.goto(href!);
  await expect(toolbar(colleague).getByLabel("Event")).toHaveValue("captured");
  await expect(toolbar(colleague).getByLabel("Status")).toHaveValue("failed");
  // …but the view stays the saver's own.
  await toolbar(colleague).getByRole("button", { name: "Saved views" }).click();
  await expect(colleague.getByRole("dialog").getByText("No saved views for this list yet.")).toBeVisible();
  await colleague.close();

  await toolbar(page)
    .getByRole("button", { name: /Saved views/ })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete Failed captures" }).click();
  await expect(page.getByText("Deleted “Failed captures”.").first()).toBeVisible();
  await expect(page.getByRole("dialog").getByTestId("saved-view")).toHaveCount(0);
});

test("the order search follows typing, and still answers Enter without JavaScript", async ({ page, browser }) => {
  await seedOrders();
  await signIn(page, "support", "/orders");
  const box = toolbar(page).getByLabel("Order number, reference or Points uuid");
  await box.pressSequentially(`${run}-B`, { delay: 30 });
  await expect(page).toHaveURL(new RegExp(`/orders\\?q=${run}-B$`));
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await expect(page.getByTestId("order-row")).toContainText(`${run}-B1`);
  await expect(box).toHaveValue(`${run}-B`);
  // Typing on narrows on; the other filters stay as they are.
  await box.press("Backspace");
  await expect(page).toHaveURL(new RegExp(`/orders\\?q=${run}-$`));
  await expect(page.getByTestId("order-row")).toHaveCount(3);

  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto("/orders");
  await plain.getByLabel("Order number, reference or Points uuid").fill(`${run}-A`);
  await plain.getByLabel("Order number, reference or Points uuid").press("Enter");
  await expect(plain).toHaveURL(new RegExp(`[?&]q=${run}-A(&|$)`));
  await expect(plain.getByTestId("order-row")).toHaveCount(2);
  await noScript.close();
});

test.describe("in Arabic", () => {
  test.use({ locale: "ar-SA" });

  test("the toolbar and the saved views dialog have no English", async ({ page }) => {
    const email = await createStaffUser("admin", { locale: "ar", theme: "system" });
    await signInAs(page, email);
    for (const path of ["/orders", "/webhooks", "/reconciliation", "/audit"]) {
      await page.goto(path);
      await expect(toolbar(page)).toBeVisible();
      await expectNoEnglish(page, { strict: true, scope: "[data-testid=list-toolbar]" });
    }
    await page.goto("/webhooks?status=failed");
    await toolbar(page).getByRole("button", { name: "العروض المحفوظة" }).click();
    await page.getByRole("dialog").getByLabel("الاسم").fill("الفاشلة");
    await page.getByRole("dialog").getByRole("button", { name: "حفظ عوامل التصفية الحالية" }).click();
    await expect(page.getByRole("dialog").getByTestId("saved-view")).toHaveCount(1);
    await expectNoEnglish(page, { strict: true, scope: "[data-testid=saved-views]" });
    await page.goto("/webhooks?status=failed");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      toolbar(page).getByRole("link", { name: "تصدير CSV" }).click(),
    ]);
    const header = (await readFile(await download.path(), "utf8")).slice(1).split("\r\n")[0];
    expect(header).toBe(
      "المعرّف,وقت الاستلام (الرياض),الحدث,رقم الطلب,معرّف طلب بوينتس,الحالة,المحاولات,التكرارات,زمن الإقرار (مللي ثانية)",
    );
  });
});
