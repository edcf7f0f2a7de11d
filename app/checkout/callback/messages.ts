// Every sentence the shopper can read on the callback page, in both languages.
// Each says only what the app knows and does: nothing here promises a message,
// an email or a charge the app cannot vouch for.
export type Lang = "ar" | "en";

/** What the page shows: the order's state, or where the page itself stands. */
export type ViewState =
  | "confirmed"
  | "pending"
  | "stillPending"
  | "looking"
  | "notFound"
  | "cancelled"
  | "failed"
  | "refunded"
  | "partiallyRefunded"
  | "missing"
  | "rateLimited";

interface Texts {
  title: string;
  body: (amounts: { amount?: string; refunded?: string }) => string;
}

export interface Messages {
  pageTitle: string;
  states: Record<ViewState, Texts>;
  orderNumber: string;
  amount: string;
  refundedAmount: string;
  checking: string;
  toggle: string;
  tryAgain: string;
  backTo: (store: string | undefined) => string;
}

export const MESSAGES: Record<Lang, Messages> = {
  ar: {
    pageTitle: "حالة الطلب",
    states: {
      confirmed: { title: "تم تأكيد طلبك", body: () => "شكراً لك، تم استلام الدفع." },
      pending: { title: "جارٍ تأكيد الدفع", body: () => "يستغرق ذلك عادةً بضع ثوانٍ، وتتحدّث هذه الصفحة تلقائياً." },
      stillPending: {
        title: "ما زال الدفع قيد التأكيد",
        body: () => "يستغرق التأكيد وقتاً أطول من المعتاد. يمكنك إغلاق هذه الصفحة وفتح هذا الرابط لاحقاً لمعرفة النتيجة.",
      },
      looking: { title: "نبحث عن طلبك", body: () => "لم تصلنا تفاصيل هذا الطلب بعد، وتتحدّث هذه الصفحة تلقائياً." },
      notFound: {
        title: "لم نعثر على هذا الطلب",
        body: () => "تحقّق من رقم الطلب في الرابط، أو عُد إلى المتجر.",
      },
      cancelled: { title: "تم إلغاء الطلب", body: () => "لم يكتمل هذا الطلب." },
      failed: {
        title: "لم تكتمل عملية الدفع",
        body: () => "لم يتم الطلب لأن الدفع لم يكتمل. يمكنك المحاولة مرة أخرى.",
      },
      refunded: {
        title: "تم استرداد مبلغ طلبك",
        body: ({ amount }) => (amount ? `تم استرداد كامل المبلغ (${amount}).` : "تم استرداد كامل مبلغ الطلب."),
      },
      partiallyRefunded: {
        title: "تم استرداد جزء من مبلغ طلبك",
        body: ({ refunded }) => (refunded ? `تم استرداد ${refunded} من مبلغ الطلب.` : "تم استرداد جزء من مبلغ الطلب."),
      },
      missing: { title: "الرابط غير مكتمل", body: () => "لا يحتوي هذا الرابط على رقم طلب." },
      rateLimited: { title: "طلبات كثيرة", body: () => "انتظر دقيقة ثم حدّث الصفحة." },
    },
    orderNumber: "رقم الطلب",
    amount: "مبلغ الطلب",
    refundedAmount: "المبلغ المسترد",
    checking: "جارٍ التحقق…",
    toggle: "English",
    tryAgain: "حاول مرة أخرى",
    backTo: (store) => (store ? `العودة إلى ${store}` : "العودة إلى المتجر"),
  },
  en: {
    pageTitle: "Order status",
    states: {
      confirmed: { title: "Your order is confirmed", body: () => "Thank you, your payment was received." },
      pending: {
        title: "Confirming your payment",
        body: () => "This usually takes a few seconds; this page updates by itself.",
      },
      stillPending: {
        title: "Your payment is still being confirmed",
        body: () =>
          "This is taking longer than usual. You can close this page and open this link again later to see the result.",
      },
      looking: {
        title: "Looking for your order",
        body: () => "We have not received this order's details yet; this page updates by itself.",
      },
      notFound: {
        title: "We couldn't find this order",
        body: () => "Check the order number in your link, or go back to the store.",
      },
      cancelled: { title: "Your order was cancelled", body: () => "This order was not completed." },
      failed: {
        title: "The payment did not go through",
        body: () => "The order was not placed because the payment was not completed. You can try again.",
      },
      refunded: {
        title: "Your order was refunded",
        body: ({ amount }) => (amount ? `The full amount (${amount}) was refunded.` : "The full amount was refunded."),
      },
      partiallyRefunded: {
        title: "Part of your order was refunded",
        body: ({ refunded }) =>
          refunded ? `${refunded} of your order was refunded.` : "Part of your order's amount was refunded.",
      },
      missing: { title: "This link is incomplete", body: () => "It has no order number." },
      rateLimited: { title: "Too many requests", body: () => "Wait a minute, then reload this page." },
    },
    orderNumber: "Order number",
    amount: "Order amount",
    refundedAmount: "Refunded",
    checking: "Checking…",
    toggle: "العربية",
    tryAgain: "Try again",
    backTo: (store) => (store ? `Back to ${store}` : "Back to the store"),
  },
};

export function formatAmount(amount: string, lang: Lang): string {
  return new Intl.NumberFormat(lang === "ar" ? "ar-SA" : "en-SA", { style: "currency", currency: "SAR" }).format(
    Number(amount),
  );
}

export const parseLang = (value: unknown): Lang => (value === "en" ? "en" : "ar");
