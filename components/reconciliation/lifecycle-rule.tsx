// A lifecycle rule and what its flag saw, in the reader's language. The flag's
// stored detail keeps the statuses and event; its English sentence is only the
// fallback for a rule this version does not know.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Ltr } from "@/components/i18n/ltr";
import { LIFECYCLE_RULES, type LifecycleRule } from "@/lib/lifecycle/check-lifecycle";
import type { FlagRow } from "@/lib/lifecycle/list-flags";

export const isKnownRule = (rule: string): rule is LifecycleRule =>
  (LIFECYCLE_RULES as readonly string[]).includes(rule);

/** A rule's name as text (for labels); one this version does not know keeps its stored name. */
export function useRuleName() {
  const t = useTranslations("Reconciliation.rules");
  return (rule: string) => (isKnownRule(rule) ? t(rule) : rule);
}

export function RuleLabel({ rule }: { rule: string }) {
  const name = useRuleName();
  return isKnownRule(rule) ? name(rule) : <Ltr>{rule}</Ltr>;
}

export function RuleDetail({ rule, detail }: { rule: string; detail: FlagRow["detail"] }) {
  const t = useTranslations("Reconciliation.ruleDetails");
  if (!isKnownRule(rule) || !detail.from) return detail.message ? <span lang="en">{detail.message}</span> : "—";
  return t.rich(rule, {
    id: (chunks: ReactNode) => <Ltr className="font-mono text-xs">{chunks}</Ltr>,
    event: detail.event ?? "—",
    status: detail.orderStatus ?? detail.event ?? "—",
    from: detail.from,
  });
}
