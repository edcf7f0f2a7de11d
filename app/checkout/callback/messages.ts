import type { CallbackState } from "@/lib/checkout/callback-status";

export type Lang = "ar" | "en";

export const MESSAGES: Record<
  Lang,
  Record<CallbackState | "unknown", { title: string; body: string }> &
    Record<"orderNumber" | "amount" | "toggle" | "checking" | "stillChecking" | "missing", string>
> = {
  ar: {
    confirmed: { title: "تم تأكيد طلبك", body: "شكراً لك! تم استلام الدفع بنجاح." },
    pending: { title: "جارٍ تأكيد طلبك", body: "قد يستغرق ذلك بضع ثوانٍ، وستتحدّث هذه الصفحة تلقائياً." },
    unknown: { title: "ما زلنا نؤكد طلبك", body: "لم يصلنا تأكيد الطلب بعد. ستتحدّث هذه الصفحة تلقائياً." },
    cancelled: { title: "تم إلغاء الطلب", body: "لم يكتمل الطلب. يمكنك العودة إلى المتجر والمحاولة مرة أخرى." },
    failed: { title: "تعذّر إتمام الدفع", body: "لم تكتمل عملية الدفع ولم يُخصم أي مبلغ. يمكنك المحاولة مرة أخرى." },
    refunded: { title: "تم استرداد مبلغ الطلب", body: "أُعيد المبلغ إلى وسيلة الدفع الخاصة بك." },
    orderNumber: "رقم الطلب",
    amount: "المبلغ",
    toggle: "English",
    checking: "جارٍ التحقق…",
    stillChecking: "ما زال التأكيد قيد المعالجة. سنرسل لك رسالة عند اكتماله، ويمكنك إغلاق هذه الصفحة.",
    missing: "رابط غير مكتمل: لا يوجد رقم طلب.",
  },
  en: {
    confirmed: { title: "Your order is confirmed", body: "Thank you! Your payment was received." },
    pending: { title: "Confirming your order", body: "This can take a few seconds; this page updates by itself." },
    unknown: {
      title: "We are still confirming your order",
      body: "We have not received the confirmation yet; this page updates by itself.",
    },
    cancelled: {
      title: "Your order was cancelled",
      body: "The order was not completed. You can go back to the store and try again.",
    },
    failed: {
      title: "The payment did not go through",
      body: "The payment was not completed and nothing was charged. You can try again.",
    },
    refunded: { title: "Your order was refunded", body: "The amount was returned to your payment method." },
    orderNumber: "Order number",
    amount: "Amount",
    toggle: "العربية",
    checking: "Checking…",
    stillChecking:
      "The confirmation is still being processed. We will message you when it completes; you can close this page.",
    missing: "This link is incomplete: it has no order number.",
  },
};

export function formatAmount(amount: string, lang: Lang): string {
  return new Intl.NumberFormat(lang === "ar" ? "ar-SA" : "en-SA", { style: "currency", currency: "SAR" }).format(
    Number(amount),
  );
}
