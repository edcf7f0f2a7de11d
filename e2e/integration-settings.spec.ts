// Settings → Integration against the sandbox double: an admin registers a
// webhook endpoint (its secret stored, never shown), renames and deletes it,
// sees Points' refusals, and switches the integration off and on.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers/sign-in";
import { simUrl } from "./helpers/sim";

const row = (page: Page, name: string) =>
  page.getByTestId("endpoint-row").filter({ has: page.getByRole("cell", { name, exact: true }) });

// Whatever happens in a test, later tests need the integration on.
test.afterEach(async ({ request }) => {
  await request.post(`${simUrl()}/__control/merchant`, { data: { integrationActive: true } });
});

test("ops is refused the integration settings on the server", async ({ page }) => {
  await signIn(page, "ops", "/settings/integration");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("an admin creates an endpoint, sees it listed with its secret stored, renames it and deletes it", async ({
  page,
  request,
}) => {
  const name = `e2e endpoint ${Date.now()}`;
  await signIn(page, "admin", "/settings");
  await page.getByRole("link", { name: "Integration" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integration" })).toBeVisible();
  // The runner's own endpoint: created outside points-ops, so its secret is not held here.
  await expect(page.getByTestId("endpoint-row").filter({ hasText: "Not stored here" })).toHaveCount(1);

  await page.getByRole("button", { name: "Add endpoint…" }).click();
  const dialog = page.getByRole("dialog");
  const url = dialog.getByLabel("URL");
  await expect(url).toHaveValue(/^http:\/\/localhost:\d+\/api\/webhooks\/points$/);
  const endpointUrl = `${await url.inputValue()}?e2e=${Date.now()}`;
  await url.fill(endpointUrl);
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Register endpoint" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(/is registered at Points; its secret is stored and accepted by the receiver/).first(),
  ).toBeVisible();
  await expect(row(page, name)).toContainText("Stored");
  // The secret itself is never on the page.
  const endpoints = (await (await request.get(`${simUrl()}/__control/webhooks/endpoints`)).json()) as {
    endpoints: Array<{ name: string; secret: string }>;
  };
  const secret = endpoints.endpoints.find((e) => e.name === name)!.secret;
  expect(await page.content()).not.toContain(secret);

  // Points refuses the same URL twice; the dialog says so with the status.
  await page.getByRole("button", { name: "Add endpoint…" }).click();
  await dialog.getByLabel("URL").fill(endpointUrl);
  // The refusal must be painted with the request's end, never while the dialog still refuses
  // to close: an Escape pressed on seeing it would be ignored (it was, on a slow machine).
  await page.evaluate(() => {
    const seen = window as unknown as { refusalWhileBusy?: boolean };
    seen.refusalWhileBusy = false;
    new MutationObserver(() => {
      const open = document.querySelector('[role="dialog"]');
      if (open?.querySelector('[role="alert"]') && open.querySelector('[aria-busy="true"]'))
        seen.refusalWhileBusy = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await dialog.getByRole("button", { name: "Register endpoint" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Points answered HTTP 422: The url has already been taken.");
  expect(await page.evaluate(() => (window as unknown as { refusalWhileBusy: boolean }).refusalWhileBusy)).toBe(false);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await row(page, name)
    .getByRole("button", { name: `Rename… ${name}` })
    .click();
  await dialog.getByLabel("Name").fill(`${name} renamed`);
  await dialog.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, `${name} renamed`)).toContainText("Stored");

  await row(page, `${name} renamed`)
    .getByRole("button", { name: /^Delete…/ })
    .click();
  await expect(dialog).toContainText(endpointUrl);
  await dialog.getByRole("button", { name: "Delete endpoint" }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, `${name} renamed`)).toHaveCount(0);
  await expect(page.getByTestId("endpoint-row")).toHaveCount(1);

  await page.goto("/audit");
  // The filter now offers every action by name too: look in the rows.
  await expect(page.getByTestId("audit-row").filter({ hasText: "webhook_endpoint.delete" }).first()).toBeVisible();
});

test("an admin switches the integration off and on again, with confirmation, and sees who and when", async ({
  page,
}) => {
  await signIn(page, "admin", "/settings/integration");
  await page.getByRole("button", { name: "Switch off…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Points refuses every call made with our key");
  await dialog.getByRole("button", { name: "Switch off", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("integration-state")).toContainText(/Off\s*switched off .+ by /);
  // Points now refuses our calls, and the page says why the endpoint list is missing.
  await expect(page.getByText("Points could not list the endpoints")).toBeVisible();

  await page.getByRole("button", { name: "Switch on…" }).click();
  await dialog.getByRole("button", { name: "Switch on", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("integration-state")).toContainText(/On\s*switched on/);
  await expect(page.getByTestId("endpoint-row")).toHaveCount(1);
});
