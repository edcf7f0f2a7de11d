"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { alertKeys } from "@/components/alerts/query-keys";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { plainMessage, type LooseTranslator } from "@/components/i18n/rich-message";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";
import { ruleTitle } from "@/lib/alerts/alert-message";
import { evaluateAlertsAction } from "./actions";

export function EvaluateButton() {
  const [pending, runForAnswer] = useAnswerTransition();
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const router = useRouter();
  const t = useTranslations("Alerts");
  const format = useDisplayFormat();
  const locale = useLocale();

  const rules = (ids: string[]) =>
    ids.length
      ? ids
          .map((id) => plainMessage(t as unknown as LooseTranslator, ruleTitle(id), format, locale))
          .join(t("charts.separator"))
      : t("none");

  const evaluate = () =>
    runForAnswer(
      () => evaluateAlertsAction().catch(() => ({ ok: false as const, message: t("unreachable") })),
      async (result) => {
        if (!result.ok) toast({ tone: "danger", title: t("notEvaluated"), description: result.message });
        else
          toast({
            tone: "success",
            title: t("evaluated"),
            description: result.skipped
              ? t("skipped")
              : `${t("result", { fired: rules(result.fired), resolved: rules(result.resolved), firing: format.number(result.firing) })}${
                  result.postFailed ? ` ${t("postFailed")}` : ""
                }`,
          });
        await queryClient.invalidateQueries({ queryKey: alertKeys.all });
        router.refresh();
      },
    );

  return (
    <Button variant="secondary" loading={pending} onClick={evaluate}>
      {t("evaluate")}
    </Button>
  );
}
