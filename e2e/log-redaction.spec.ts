// Plants a phone number, a customer name and wrong secrets in every kind of
// request the app accepts; the runner (scripts/test.ts) then fails if any of them, or any
// configured secret, appears in the server's log output.
import { expect, test } from "@playwright/test";
import { envelope, fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { PLANTED } from "../scripts/lib/log-leaks";
import { signInWithForm } from "./helpers/sign-in";

const [PHONE, , WRONG_PASSWORD, WRONG_SECRET, CUSTOMER_NAME] = PLANTED;
const SECRET = "points-demo-webhook-secret";

test("secrets and phone numbers sent to every entry point are answered, not logged", async ({ page, request }) => {
  // Ten pages' first render on a freshly started server: more than the default on a loaded machine.
  test.slow();
  const order = fixtureOrder({
    metadata: { customer_phone: PHONE, customer_name: CUSTOMER_NAME, note: `call ${PHONE}` },
  });
  const post = (headers: Record<string, string>, data: unknown) =>
    request.post("/api/webhooks/points", { headers, data });

  expect((await post({ "X-Webhook-Secret": SECRET }, envelope("approved", order))).status()).toBe(200);
  expect((await post({ "X-Webhook-Secret": WRONG_SECRET }, envelope("approved", order))).status()).toBe(401);
  expect((await post({ "X-Webhook-Secret": SECRET }, { event: "approved", order: { id: PHONE } })).status()).toBe(400);
  for (const cron of ["webhooks", "reconcile", "alerts"])
    expect(
      (await request.get(`/api/cron/${cron}`, { headers: { Authorization: `Bearer ${WRONG_SECRET}` } })).status(),
    ).toBe(401);
  for (const [method, route] of [
    ["GET", "/api/alerts/firing"],
    ["GET", "/api/smoke/latest"],
    ["POST", "/api/reconciliation/advance"],
  ] as const)
    expect(
      (
        await request.fetch(`${route}?q=${PHONE}`, {
          method,
          headers: { "x-api-key": WRONG_SECRET, cookie: `session=${WRONG_SECRET}` },
        })
      ).status(),
    ).toBe(401);
  expect(
    (await request.get(`/api/webhooks/deliveries?q=${PHONE}`, { headers: { "x-api-key": WRONG_SECRET } })).status(),
  ).toBe(401);
  expect((await request.get(`/checkout/callback?order=${PHONE}&phone=${PHONE}&token=${WRONG_SECRET}`)).status()).toBe(
    200,
  );

  await page.goto("/signin");
  await page.locator("#email").fill(`${PHONE}@example.com`);
  await page.locator("#password").fill(WRONG_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible();

  // Through the form: a real password post is part of what must stay out of the logs.
  await signInWithForm(page, "admin@example.com");
  await page.goto(`/orders?q=${PHONE}`);
  await page.goto(`/webhooks?q=${PHONE}`);
  await page.goto(`/audit?actor=${PHONE}`);
  await page.goto(`/reconciliation?q=${PHONE}`);
  await page.goto("/alerts");
  await page.goto("/go-live");
  await page.goto("/settings/integration");
  await page.goto("/settings/alerts");
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
