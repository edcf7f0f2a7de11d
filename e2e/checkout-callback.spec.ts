// The customer-facing page Points sends the shopper back to after checkout:
// every state in both languages, with the merchant's identity, and amounts only
// for a visitor who came with the merchant's signed link.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { callbackToken } from "@/lib/checkout/callback-token";
import { waitUntilHydrated } from "./helpers/hydration";
import { simApi, simUrl } from "./helpers/sim";

type Lang = "ar" | "en";

async function control(request: APIRequestContext, path: string, data: unknown = {}) {
  const response = await request.post(`${simUrl()}/__control${path}`, { data });
  expect(response.status(), path).toBe(200);
  return response.json();
}

let sequence = 0;
async function beginCheckout(request: APIRequestContext, prefix: string, total: number) {
  const orderNumber = `${prefix}-${Date.now()}-${++sequence}`;
  await simApi(request, "POST", "/orders/checkout/points-demo-public-key", {
    total_price: total,
    order_number: orderNumber,
    callback_url: `http://localhost/checkout/callback?order=${orderNumber}`,
  });
  return orderNumber;
}

/** The link the merchant's checkout gives Points, signed so that its visitor sees amounts. */
function signedUrl(orderNumber: string, lang: Lang) {
  const secret = process.env.CHECKOUT_CALLBACK_SECRET;
  if (!secret) throw new Error("CHECKOUT_CALLBACK_SECRET is not set: run e2e through `npm test -- e2e`");
  return `/checkout/callback?order=${encodeURIComponent(orderNumber)}&lang=${lang}&sig=${callbackToken(secret, orderNumber)}`;
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

/** Reloads until the page shows the title: the order's webhook reaches the app a moment after Points acts. */
async function openWhenShowing(page: Page, url: string, title: string) {
  await expect(async () => {
    await page.goto(url);
    await expect(heading(page)).toHaveText(title, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
}

async function expectPageLanguage(page: Page, lang: Lang) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  await expect(page).toHaveTitle(lang === "ar" ? "حالة الطلب · Demo Store" : "Order status · Demo Store");
  await expect(page.getByTestId("merchant")).toContainText("Demo Store");
  await expect(page.getByTestId("merchant").locator("img")).toHaveAttribute("src", /demo-store-logo\.svg$/);
}

const TEXT = {
  ar: {
    confirmed: "تم تأكيد طلبك",
    pending: "جارٍ تأكيد الدفع",
    looking: "نبحث عن طلبك",
    notFound: "لم نعثر على هذا الطلب",
    cancelled: "تم إلغاء الطلب",
    failed: "لم تكتمل عملية الدفع",
    refunded: "تم استرداد مبلغ طلبك",
    partiallyRefunded: "تم استرداد جزء من مبلغ طلبك",
    tryAgain: "حاول مرة أخرى",
    backToStore: "العودة إلى Demo Store",
    toggle: "English",
  },
  en: {
    confirmed: "Your order is confirmed",
    pending: "Confirming your payment",
    looking: "Looking for your order",
    notFound: "We couldn't find this order",
    cancelled: "Your order was cancelled",
    failed: "The payment did not go through",
    refunded: "Your order was refunded",
    partiallyRefunded: "Part of your order was refunded",
    tryAgain: "Try again",
    backToStore: "Back to Demo Store",
    toggle: "العربية",
  },
} as const;

const STORE_URL = "https://store.example/";

test.describe("checkout callback page", () => {
  test.describe.configure({ timeout: 180_000 });
  for (const lang of ["ar", "en"] as const) {
    const t = TEXT[lang];

    test(`${lang}: pending turns confirmed by itself; the amount shows only with the signed link`, async ({
      page,
      request,
    }) => {
      const orderNumber = await beginCheckout(request, "CB", 249.5);
      const { order } = await control(request, `/checkout/${orderNumber}/pay`, { mode: "authorize" });
      await openWhenShowing(page, signedUrl(orderNumber, lang), t.pending);
      await expectPageLanguage(page, lang);
      await expect(page.getByTestId("callback-state")).toBeVisible();

      await simApi(request, "POST", `/orders/${order.uuid}/capture`);
      await expect(heading(page)).toHaveText(t.confirmed, { timeout: 60_000 });
      await expect(page.getByTestId("callback-amount")).toHaveText(lang === "ar" ? /٢٤٩٫٥٠/ : /SAR\s?249\.50/);
      await expect(page.getByTestId("back-to-store")).toHaveAttribute("href", STORE_URL);
      await expect(page.getByTestId("back-to-store")).toHaveText(t.backToStore);

      // Anyone who merely knows the order number: the state, never the amount.
      await page.goto(`/checkout/callback?order=${orderNumber}&lang=${lang}`);
      await expect(heading(page)).toHaveText(t.confirmed);
      await expect(page.getByTestId("callback-order")).toHaveText(orderNumber);
      await expect(page.getByTestId("callback-amount")).toHaveCount(0);
      await page.goto(`/checkout/callback?order=${orderNumber}&lang=${lang}&sig=forged`);
      await expect(page.getByTestId("callback-amount")).toHaveCount(0);
    });

    test(`${lang}: an unknown order is looked for, then said to be not found`, async ({ page }) => {
      await page.clock.install();
      await page.goto(`/checkout/callback?order=NO-SUCH-ORDER-1&lang=${lang}`);
      await expect(heading(page)).toHaveText(t.looking);
      await expectPageLanguage(page, lang);
      // The looking starts when the page hydrates: moved on before that, the clock would move nothing.
      await waitUntilHydrated(page);
      await page.clock.fastForward(25_000);
      await expect(heading(page)).toHaveText(t.notFound);
      await expect(page.getByTestId("callback-state")).toHaveCount(0);
      await expect(page.getByText(/message|رسالة/)).toHaveCount(0);
    });

    test(`${lang}: a failed payment offers to try again; an abandoned one is cancelled`, async ({ page, request }) => {
      const failed = await beginCheckout(request, "CBF", 50);
      await control(request, `/checkout/${failed}/abandon`, { reason: "Payment failed" });
      await openWhenShowing(page, signedUrl(failed, lang), t.failed);
      await expectPageLanguage(page, lang);
      await expect(page.getByRole("link", { name: t.tryAgain })).toHaveAttribute("href", STORE_URL);

      const abandoned = await beginCheckout(request, "CBC", 60);
      await control(request, `/checkout/${abandoned}/abandon`, {});
      await openWhenShowing(page, signedUrl(abandoned, lang), t.cancelled);
      await expect(page.getByRole("link", { name: t.tryAgain })).toHaveCount(0);
      await expect(page.getByTestId("back-to-store")).toHaveAttribute("href", STORE_URL);
    });

    test(`${lang}: a partial refund shows the refunded amount, a full refund says so`, async ({ page, request }) => {
      const orderNumber = await beginCheckout(request, "CBR", 400);
      const { order } = await control(request, `/checkout/${orderNumber}/pay`, {});
      await openWhenShowing(page, signedUrl(orderNumber, lang), t.confirmed);

      await simApi(request, "POST", `/orders/${order.uuid}/refund`, { amount: 50 });
      await openWhenShowing(page, signedUrl(orderNumber, lang), t.partiallyRefunded);
      await expect(page.getByTestId("callback-refunded")).toHaveText(lang === "ar" ? /٥٠٫٠٠/ : /SAR\s?50\.00/);
      await expect(page.getByTestId("callback-amount")).toHaveText(lang === "ar" ? /٤٠٠٫٠٠/ : /SAR\s?400\.00/);

      await simApi(request, "POST", `/orders/${order.uuid}/refund`, { amount: 350 });
      await openWhenShowing(page, signedUrl(orderNumber, lang), t.refunded);
      await expect(page.getByTestId("callback-refunded")).toHaveCount(0);
    });
  }

  test("the language link switches the whole page, keeping the signed link", async ({ page, request }) => {
    const orderNumber = await beginCheckout(request, "CBL", 80);
    await control(request, `/checkout/${orderNumber}/pay`, {});
    await openWhenShowing(page, signedUrl(orderNumber, "ar"), TEXT.ar.confirmed);
    await page.getByRole("link", { name: TEXT.ar.toggle }).click();
    await expect(heading(page)).toHaveText(TEXT.en.confirmed);
    await expectPageLanguage(page, "en");
    await expect(page.getByTestId("callback-amount")).toHaveText(/SAR\s?80\.00/);
    await page.getByRole("link", { name: TEXT.en.toggle }).click();
    await expectPageLanguage(page, "ar");
  });

  test("asks Points when the order is known but its confirming webhook has not come", async ({ page, request }) => {
    const orderNumber = await beginCheckout(request, "CB2", 80);
    const { order } = await control(request, `/checkout/${orderNumber}/pay`, { mode: "authorize" });
    await openWhenShowing(page, `/checkout/callback?order=${orderNumber}&lang=en`, TEXT.en.pending);

    await control(request, "/webhooks/config", { paused: true });
    try {
      await simApi(request, "POST", `/orders/${order.uuid}/capture`);
      await expect(heading(page)).toHaveText(TEXT.en.confirmed, { timeout: 60_000 });
      const reads = await request.get(
        `${simUrl()}/__control/calls?method=GET&path=${encodeURIComponent(`/orders/${order.uuid}$`)}`,
      );
      expect(((await reads.json()) as { calls: unknown[] }).calls.length).toBeGreaterThan(0);
    } finally {
      await control(request, "/webhooks/config", { paused: false });
    }
  });
});
