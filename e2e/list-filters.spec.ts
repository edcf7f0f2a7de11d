// Hostile filters on every list and export: a NUL byte, an over-long string or a
// year-0000 date is a clear 400 from the routes and a readable error on the
// pages, never a 500 or an error page (lib/http/hostile-filters.test.ts covers
// each parser).
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers/sign-in";

const LONG = "z".repeat(5_000);

test("the list routes answer 400 with a reason for filters the store cannot hold", async ({ page }) => {
  await signIn(page, "admin");
  const cases = [
    "/api/webhooks/deliveries?q=%00",
    `/api/webhooks/deliveries?q=${LONG}`,
    "/api/webhooks/deliveries?from=0000-01-01T00:00",
    "/api/audit/export?actor=a%00b",
    "/api/audit/export?target=%00",
    "/api/audit/export?from=0000-01-01T00:00:00Z",
    "/api/audit/export?to=10000-01-01T00:00:00Z",
  ];
  for (const url of cases) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(400);
    expect(((await response.json()) as { error: string }).error, url).toMatch(/^The filter "\w+" /);
  }
});

test("the list pages show a filter error, not an error page, for the same filters", async ({ page }) => {
  await signIn(page, "admin");
  // The reason names the field by its label in the filter bar and the problem in words.
  const cases = [
    ["/orders?q=%00", "This search cannot be used", "“Order number, reference or Points uuid” contains a character"],
    ["/orders?from=0000-01-01", "This search cannot be used", "“Updated at Points from (Riyadh)” must be a day."],
    ["/webhooks?q=%00", "This filter cannot be used", "“Order number or Points uuid” contains a character"],
    ["/webhooks?to=0000-01-01T00:00", "This filter cannot be used", "“to” must be a date and time."],
    ["/reconciliation?q=%00", "This filter cannot be used", "“Order number or Points uuid” contains a character"],
    [`/reconciliation?q=${LONG}`, "This filter cannot be used", "“Order number or Points uuid” is too long."],
    ["/audit?actor=%00", "This filter cannot be used", "“Actor email” contains a character"],
    ["/audit?from=0000-01-01T00:00", "This filter cannot be used", "“From (Riyadh)” must be a date and time."],
  ] as const;
  for (const [url, title, reason] of cases) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    await expect(page.getByText(title), url).toBeVisible();
    await expect(page.getByText(reason).first(), url).toBeVisible();
  }
});
