"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button, type ButtonSize } from "@/components/ui/button";
import { useToast, type ToastInput } from "@/components/ui/toast";
import { webhookKeys } from "@/components/webhooks/query-keys";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { replayDeliveryAction } from "./actions";

function outcome(id: string, status: DeliveryStatus): ToastInput {
  switch (status) {
    case "processed":
      return {
        tone: "success",
        title: `Delivery ${id} replayed`,
        description: "It was processed and the order is up to date.",
      };
    case "failed":
      return {
        tone: "warning",
        title: `Replay of delivery ${id} failed`,
        description: "It will be retried automatically; its error is on the delivery page.",
      };
    case "dead":
      return {
        tone: "danger",
        title: `Replay of delivery ${id} failed`,
        description: "It is dead-lettered again; see its error on the delivery page.",
      };
    default:
      return {
        tone: "info",
        title: `Delivery ${id} is queued`,
        description: "Another worker picked it up; its status updates shortly.",
      };
  }
}

export function ReplayButton({ id, size = "sm" }: { id: string; size?: ButtonSize }) {
  const [pending, startTransition] = useTransition();
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const router = useRouter();

  const replay = () =>
    startTransition(async () => {
      const result = await replayDeliveryAction({ id });
      toast(
        result.ok
          ? outcome(id, result.data.status)
          : { tone: "danger", title: `Delivery ${id} was not replayed`, description: result.message },
      );
      if (!result.ok) return;
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
      router.refresh();
    });

  return (
    <Button variant="secondary" size={size} loading={pending} onClick={replay} aria-label={`Replay delivery ${id}`}>
      Replay
    </Button>
  );
}
