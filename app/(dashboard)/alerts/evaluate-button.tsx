"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { alertKeys } from "@/components/alerts/query-keys";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { evaluateAlertsAction } from "./actions";

export function EvaluateButton() {
  const [pending, startTransition] = useTransition();
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const router = useRouter();

  const evaluate = () =>
    startTransition(async () => {
      const result = await evaluateAlertsAction().catch(() => ({
        ok: false as const,
        message: "The dashboard could not be reached. Reload the page and try again.",
      }));
      toast(
        result.ok
          ? { tone: "success", title: "Alerts evaluated", description: result.message }
          : { tone: "danger", title: "Not evaluated", description: result.message },
      );
      await queryClient.invalidateQueries({ queryKey: alertKeys.all });
      router.refresh();
    });

  return (
    <Button variant="secondary" loading={pending} onClick={evaluate}>
      Evaluate now
    </Button>
  );
}
