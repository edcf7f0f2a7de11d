"use client";
// "Fetch from Points": reads GET /orders/{uuid} into the store, then opens the order.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";
import type { FetchOrderResult } from "@/lib/orders/fetch-order-from-points";
import { useNoticeText } from "./use-notice-text";

export type FetchOrderAction = (input: { uuid: string }) => Promise<FetchOrderResult>;

export function FetchFromPointsButton({ uuid, fetchOrder }: { uuid: string; fetchOrder: FetchOrderAction }) {
  const t = useTranslations("Orders.fetch");
  const say = useNoticeText();
  const router = useRouter();
  const { toast } = useToast();
  const [error, setError] = useState<string | null>(null);
  const [pending, runForAnswer] = useAnswerTransition();
  const onClick = () => {
    setError(null);
    runForAnswer(
      () => fetchOrder({ uuid }).catch((): FetchOrderResult => ({ ok: false, message: t("unreachable") })),
      (result) => {
        if (!result.ok) {
          setError(say(result));
          toast({ tone: "danger", title: say(result) });
          return;
        }
        toast({ tone: "success", title: say(result) });
        router.push(`/orders/${result.orderUuid}`);
        router.refresh();
      },
    );
  };
  return (
    <div className="grid justify-items-center gap-2">
      <Button onClick={onClick} loading={pending}>
        {t("button")}
      </Button>
      {error && (
        <p className="max-w-md text-sm text-danger" data-testid="fetch-error">
          {error}
        </p>
      )}
    </div>
  );
}
