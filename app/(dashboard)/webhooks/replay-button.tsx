"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button, type ButtonSize } from "@/components/ui/button";
import { useToast, type ToastInput } from "@/components/ui/toast";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";
import { webhookKeys } from "@/components/webhooks/query-keys";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { replayDeliveryAction } from "./actions";

type Copy = ReturnType<typeof useTranslations<"Webhooks.replay">>;

function outcome(t: Copy, id: string, status: DeliveryStatus): ToastInput {
  switch (status) {
    case "processed":
      return { tone: "success", title: t("processedTitle", { id }), description: t("processedBody") };
    case "failed":
      return { tone: "warning", title: t("failedTitle", { id }), description: t("failedBody") };
    case "dead":
      return { tone: "danger", title: t("failedTitle", { id }), description: t("deadBody") };
    default:
      return { tone: "info", title: t("queuedTitle", { id }), description: t("queuedBody") };
  }
}

export function ReplayButton({ id, size = "sm" }: { id: string; size?: ButtonSize }) {
  const t = useTranslations("Webhooks.replay");
  const [pending, runForAnswer] = useAnswerTransition();
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const router = useRouter();

  const replay = () =>
    runForAnswer(
      () => replayDeliveryAction({ id }),
      async (result) => {
        toast(
          result.ok
            ? outcome(t, id, result.data.status)
            : { tone: "danger", title: t("refusedTitle", { id }), description: result.message },
        );
        if (!result.ok) return;
        await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
        router.refresh();
      },
    );

  return (
    <Button variant="secondary" size={size} loading={pending} onClick={replay} aria-label={t("aria", { id })}>
      {t("button")}
    </Button>
  );
}
