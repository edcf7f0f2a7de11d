// A staff row's facts in words: what it asked (amount, reason, shipping
// status and label, payment method) and what it touched, shared by the
// timeline and the Staff actions card so both say the same.
import { getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { getDisplayFormat } from "@/i18n/display-format";
import type { ActionFacts } from "@/lib/timeline/entry-facts";
import { orderStatusText, shippingStatusText, valueTags } from "./timeline-tags";

export async function ActionFactsText({ facts }: { facts: ActionFacts }) {
  const [t, tStatus, tShipping, format] = await Promise.all([
    getTranslations("Timeline"),
    getTranslations("OrderStatus"),
    getTranslations("Orders.shipping"),
    getDisplayFormat(),
  ]);
  const parts = [
    facts.amount === null && t("facts.refundEverything"),
    typeof facts.amount === "number" &&
      t.rich("facts.refundAmount", { amount: format.sar(facts.amount), ...valueTags }),
    facts.total !== undefined && t.rich("facts.total", { amount: format.sar(facts.total), ...valueTags }),
    facts.reason && t.rich("facts.reason", { reason: facts.reason, ...valueTags }),
    facts.shippingStatus && t("facts.shippingStatus", { status: shippingStatusText(tShipping, facts.shippingStatus) }),
    facts.labelAr && t.rich("facts.label", { label: facts.labelAr, ...valueTags }),
    facts.labelEn && t.rich("facts.label", { label: facts.labelEn, ...valueTags }),
    facts.paymentMethod && t.rich("facts.paymentMethod", { method: facts.paymentMethod, ...valueTags }),
    facts.fields && t.rich("facts.closed", { fields: facts.fields.join(", "), ...valueTags }),
    facts.orderStatus && t("facts.pointsStatus", { status: orderStatusText(tStatus, facts.orderStatus) }),
    facts.channel && t.rich("facts.channel", { channel: facts.channel, ...valueTags }),
    facts.phone && t.rich("facts.phone", { phone: facts.phone, ...valueTags }),
    facts.note && t.rich("facts.note", { note: facts.note, ...valueTags }),
  ];
  return <FactsLine parts={parts} />;
}

/** Facts joined by a middle dot; those absent (false, undefined, empty) are left out. */
export function FactsLine({ parts }: { parts: ReactNode[] }) {
  const present = parts.filter((p) => p !== undefined && p !== null && p !== false && p !== "");
  if (present.length === 0) return null;
  return (
    <p className="text-sm" data-testid="entry-facts">
      {present.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && " · "}
          {part}
        </Fragment>
      ))}
    </p>
  );
}
