// Why a list's filter in the address was refused, in the reader's language:
// the field by its label in the filter bar, the problem by its catalogue key
// (lib/http/url-query.ts `problem`). Every filter field has a label; the page
// position (which has none) has sentences of its own.
import { useTranslations } from "next-intl";
import type { FilterProblem as Problem } from "@/lib/http/url-query";

export function FilterProblem({
  list,
  refused,
}: {
  list: "orders" | "webhooks" | "reconciliation" | "audit";
  refused: { field: string; problem: Problem };
}) {
  const t = useTranslations("Filters");
  const label = `lists.${list}.fields.${refused.field}.label`;
  // Field names reach here as data: checked with has() before use.
  const field = t.has(label as never) ? t(label as never) : refused.field;
  return t(`problems.${refused.problem}`, { field });
}
