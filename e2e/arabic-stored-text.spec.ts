// Texts the server stores or answers (a run's error, a bulk item's failure, a
// lifecycle flag's detail, a refused filter, a rejected webhook's reason) read
// in Arabic by an Arabic reader: each has its catalogue sentence, and only
// what is nobody's sentence (the envelope check's or the database's own words)
// stays as a left-to-right detail under it. The failures come through the real
// paths: a webhook posted to the app, a Points error answered by the double.
import { expect, test } from "@playwright/test";
import { envelope, fixtureOrder } from "@/lib/testing/webhook-fixtures";
import { expectNoEnglish } from "./helpers/no-english";
import { differenceRow } from "./helpers/reconciliation";
import { paidCheckoutAtPoints, simUrl } from "./helpers/sim";
import { createStaffUser, e2eDb } from "./helpers/staff-user";
import { signInAs } from "./helpers/sign-in";

test.describe.configure({ timeout: 300_000 });

const SECRET = "points-demo-webhook-secret";

async function faults(request: import("@playwright/test").APIRequestContext, body: unknown) {
  const response = await request.post(`${simUrl()}/__control/faults`, { data: body });
  expect(response.status()).toBe(200);
}

test("in Arabic, a run's Points error, a bulk item's failure and a lifecycle flag read as Arabic sentences", async ({
  page,
  request,
}) => {
  // A refund is the first thing we hear of this order: a flag, and a difference Points cannot heal (it has no such order).
  const flagged = fixtureOrder({ order_status: "partially_refunded" });
  const posted = await page.request.post("/api/webhooks/points", {
    headers: { "X-Webhook-Secret": SECRET },
    data: envelope("refunded", flagged),
  });
  expect(posted.status()).toBe(200);
  // An order Points answers with a server error during the run.
  const failing = await paidCheckoutAtPoints(request, "E2E-AR-ERR", 60);
  const db = e2eDb();
  try {
    await expect
      .poll(() => db.order.count({ where: { pointsUuid: { in: [flagged.id, failing] } } }), { timeout: 20_000 })
      .toBe(2);
  } finally {
    await db.$disconnect();
  }
  await faults(request, { status: 500, count: 100, paths: failing, method: "GET" });

  try {
    await signInAs(page, await createStaffUser("ops", { locale: "ar" }), { landOn: "/reconciliation" });
    await page.getByRole("button", { name: "شغّل الآن" }).click();
    const progress = page.getByTestId("run-progress");
    await expect(progress.getByTestId("run-status")).toHaveText("اكتملت", { timeout: 60_000 });
  } finally {
    await faults(request, { reset: true });
  }

  // The run's last error: the order, then Points' failure in Arabic (stored by key, not as English).
  await page.reload();
  const lastError = page.locator("#runs").getByTestId("run-error").first();
  await expect(lastError).toContainText(failing);
  await expect(lastError).toContainText("حدث خطأ في خادم نقاط");
  await expect(lastError.locator("[lang=en]")).toHaveCount(0);
  await expectNoEnglish(page, { scope: "#runs", strict: true });

  // The flag's detail is the checker's sentence in Arabic.
  const flag = page.getByTestId("flag-row").and(page.locator(`[data-order-uuid="${flagged.id}"]`));
  await expect(flag).toContainText("وصل استرداد");
  await expectNoEnglish(page, { scope: "#flags", strict: true });

  // A bulk heal of the order Points does not have: the item's reason in Arabic.
  await page.goto(`/reconciliation?q=${flagged.id}`);
  await expect(differenceRow(page, flagged.id)).toHaveCount(1);
  await page.getByRole("button", { name: "اعتمد حالة نقاط للجميع…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "اعتماد حالة نقاط (1)" }).click();
  const failures = dialog.getByRole("list", { name: "العناصر التي فشلت" });
  await expect(failures).toContainText("ليس لدى نقاط هذا الطلب، فلا حالة لاعتمادها.");
  await expect(failures.locator("[lang=en]")).toHaveCount(0);
  await expectNoEnglish(page, { scope: "[role=dialog]", strict: true });

  // The order page's notice and timeline say the rule and what it saw in Arabic.
  await page.goto(`/orders/${flagged.id}`);
  const notice = page.getByTestId("lifecycle-flag");
  await expect(notice).toContainText("استرداد قبل التسوية");
  await expect(notice).toContainText("وصل استرداد");
  await expect(notice.locator("[lang=en]")).toHaveCount(0);
  await expect(page.getByTestId("timeline-lifecycle_flag")).toContainText("وصل استرداد");
  await expectNoEnglish(page, { strict: true });
});

test("in Arabic, a refused filter and a rejected webhook are explained in Arabic", async ({ page }) => {
  // Not an envelope: the app keeps it as rejected and answers 400.
  const rejected = await page.request.post("/api/webhooks/points", {
    headers: { "X-Webhook-Secret": SECRET },
    data: { event: "approved", order: { id: "not-a-uuid" } },
  });
  expect(rejected.status()).toBe(400);
  const db = e2eDb();
  const delivery = await db.webhookDelivery
    .findFirstOrThrow({ where: { status: "rejected" }, orderBy: { id: "desc" }, select: { id: true } })
    .finally(() => db.$disconnect());

  await signInAs(page, await createStaffUser("admin", { locale: "ar" }), { landOn: `/webhooks/${delivery.id}` });
  const error = page.getByTestId("delivery-error");
  await expect(error.getByTestId("delivery-error-lead")).toHaveText(
    "ليس المحتوى غلاف إشعار من نقاط تستطيع هذه اللوحة قراءته، فحُفظ دون معالجة. ما وجده الفحص:",
  );
  await expectNoEnglish(page, { strict: true });

  await page.goto("/orders?status=paid");
  await expect(page.getByText("لا يمكن استخدام هذا البحث")).toBeVisible();
  await expect(page.getByText("«الحالة» ليس من الخيارات المعروضة.")).toBeVisible();
  await expectNoEnglish(page, { strict: true });

  await page.goto("/webhooks?q=%00");
  await expect(page.getByText("«رقم الطلب أو معرّف بوينتس» فيه حرف لا يمكن البحث عنه.")).toBeVisible();
  await expectNoEnglish(page, { strict: true });
});
