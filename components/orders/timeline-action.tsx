import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { Badge, type Tone } from "@/components/ui/badge";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { TimelineEntry } from "@/lib/timeline/order-timeline";
import { ActionFactsText } from "./timeline-facts";
import { valueTags } from "./timeline-tags";

type ActionEntry = Extract<TimelineEntry, { kind: "action" }>;

const OUTCOME_TONE: Record<string, Tone> = {
  succeeded: "success",
  failed: "danger",
  unknown: "warning",
  expired: "neutral",
};
const OUTCOMES = ["succeeded", "failed", "unknown", "expired"] as const;

/** The audit actions an order's timeline shows, by their message key; another shows as its name (refund_expired is written by createMany, outside recordAudit's list). */
export const ACTION_LABEL = {
  "order.refund": "refund",
  "order.refund_requested": "refundRequested",
  "order.refund_approved": "refundApproved",
  "order.refund_rejected": "refundRejected",
  "order.refund_expired": "refundExpired",
  "order.cancel": "cancel",
  "order.shipping": "shipping",
  "order.complete": "complete",
  "order.authorize": "authorize",
  "order.capture": "capture",
  "order.earning_created": "earningCreated",
  "order.payment_link_created": "paymentLinkCreated",
  "order.fetched_from_points": "fetchedFromPoints",
  "reconcile.heal": "reconcileHeal",
  "reconcile.explain": "reconcileExplain",
  "reconcile.recheck": "reconcileRecheck",
  "lifecycle.heal": "lifecycleHeal",
  "lifecycle.explain": "lifecycleExplain",
} as const satisfies Partial<Record<AuditAction | "order.refund_expired", string>>;

export async function ActionLabel({ action }: { action: string }) {
  const t = await getTranslations("Timeline");
  return action in ACTION_LABEL ? (
    <>{t(`action.${ACTION_LABEL[action as keyof typeof ACTION_LABEL]}`)}</>
  ) : (
    <Ltr>{action}</Ltr>
  );
}

export async function TimelineAction({ entry }: { entry: ActionEntry }) {
  const t = await getTranslations("Timeline");
  const outcome = OUTCOMES.find((o) => o === entry.facts.outcome);
  // Points' own words matter when it refused or did not confirm; a success says it with its badge.
  const message = outcome && outcome !== "succeeded" ? entry.facts.message : undefined;
  return (
    <div className="grid gap-1">
      <div className="timeline-head">
        <Badge>{t("source.staff")}</Badge>
        <span className="font-medium">
          <ActionLabel action={entry.action} />
        </span>
        {outcome && <Badge tone={OUTCOME_TONE[outcome]}>{t(`outcome.${outcome}`)}</Badge>}
        <span className="timeline-note">
          {entry.actor ? t.rich("by", { actor: entry.actor, ...valueTags }) : t("bySystem")}
        </span>
      </div>
      <ActionFactsText facts={{ ...entry.facts, message: undefined, outcome: undefined }} />
      {message && (
        <p className="text-sm" dir="auto">
          {message}
        </p>
      )}
    </div>
  );
}
