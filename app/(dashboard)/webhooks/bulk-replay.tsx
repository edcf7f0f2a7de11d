"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { BulkDialog, CancelButton, StopButton } from "@/components/bulk/bulk-dialog";
import { useBulkRun } from "@/components/bulk/use-bulk-run";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useToast } from "@/components/ui/toast";
import { webhookKeys } from "@/components/webhooks/query-keys";
import { countReplayableAction, replayChunkAction } from "./actions";

type Phase =
  | { step: "idle" }
  | { step: "confirm"; total: number; asOf: string }
  | { step: "running"; total: number; done: number; processed: number; failed: number };

/** Replays every delivery the current filter selects (not only the page shown), one server-side chunk at a time. */
export function BulkReplay({ filterParams }: { filterParams: string }) {
  const t = useTranslations("Webhooks.bulk");
  const tBulk = useTranslations("Bulk");
  const n = useDisplayFormat().number;
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [counting, setCounting] = useState(false);
  const bulk = useBulkRun();
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const counted = (count: number) => ({ count, n: n(count) });

  async function ask() {
    setCounting(true);
    const result = await countReplayableAction({ filter: filterParams });
    setCounting(false);
    if (!result.ok) return toast({ tone: "danger", title: t("countError"), description: result.message });
    setPhase({ step: "confirm", ...result.data });
  }

  async function run(total: number, asOf: string) {
    const { tally, refused, stopped } = await bulk.run({
      chunk: (cursor) => replayChunkAction({ filter: filterParams, asOf, cursor }),
      start: { done: 0, processed: 0, failed: 0 },
      add: (tally, { replayed, summary }) => ({
        done: tally.done + replayed,
        processed: tally.processed + summary.processed,
        failed: tally.failed + summary.failed + summary.dead,
      }),
      onProgress: (tally) => setPhase({ step: "running", total, ...tally }),
    });
    toast(
      refused
        ? { tone: "danger", title: t("refused", counted(tally.done)), description: refused }
        : {
            tone: tally.failed ? "warning" : "success",
            title: t(stopped ? "stopped" : "replayed", counted(tally.done)),
            description: t("result", { processed: n(tally.processed), failed: n(tally.failed) }),
          },
    );
    setPhase({ step: "idle" });
    await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
  }

  const running = phase.step === "running";
  return (
    <>
      <Button variant="secondary" loading={counting} onClick={ask} disabled={running}>
        {t("button")}
      </Button>
      <BulkDialog open={phase.step !== "idle"} busy={running} onClose={() => setPhase({ step: "idle" })}>
        {phase.step === "confirm" && (
          <>
            <DialogHeader>
              <DialogTitle>
                {phase.total === 0 ? t("nothingTitle") : t("confirmTitle", counted(phase.total))}
              </DialogTitle>
              <DialogDescription>{phase.total === 0 ? t("nothingBody") : t("confirmBody")}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <CancelButton onCancel={() => setPhase({ step: "idle" })} />
              {phase.total > 0 && (
                <Button onClick={() => run(phase.total, phase.asOf)}>{t("confirm", { n: n(phase.total) })}</Button>
              )}
            </DialogFooter>
          </>
        )}
        {phase.step === "running" && (
          <>
            <DialogHeader>
              <DialogTitle>{t("runningTitle")}</DialogTitle>
              <DialogDescription>
                {t("runningBody", {
                  done: n(phase.done),
                  total: n(phase.total),
                  processed: n(phase.processed),
                  failed: n(phase.failed),
                })}{" "}
                {tBulk("keepOpen")}
              </DialogDescription>
            </DialogHeader>
            <ProgressBar label={t("progress")} value={phase.done} max={phase.total} />
            <DialogFooter>
              <StopButton onStop={bulk.requestStop} />
            </DialogFooter>
          </>
        )}
      </BulkDialog>
    </>
  );
}
