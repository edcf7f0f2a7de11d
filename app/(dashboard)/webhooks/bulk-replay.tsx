"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { BulkDialog, StopButton } from "@/components/bulk/bulk-dialog";
import { useBulkRun } from "@/components/bulk/use-bulk-run";
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

const n = (value: number) => value.toLocaleString("en");
const deliveries = (count: number) => `${n(count)} ${count === 1 ? "delivery" : "deliveries"}`;

/** Replays every delivery the current filter selects (not only the page shown), one server-side chunk at a time. */
export function BulkReplay({ filterParams }: { filterParams: string }) {
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [counting, setCounting] = useState(false);
  const bulk = useBulkRun();
  const { toast } = useToast();
  const queryClient = useQueryClient();

  async function ask() {
    setCounting(true);
    const result = await countReplayableAction({ filter: filterParams });
    setCounting(false);
    if (!result.ok)
      return toast({ tone: "danger", title: "Could not count the deliveries", description: result.message });
    setPhase({ step: "confirm", ...result.data });
  }

  async function run(total: number, asOf: string) {
    const { tally, refused, stopped } = await bulk.run({
      chunk: (cursor) => replayChunkAction({ filter: filterParams, asOf, cursor }),
      start: { done: 0, processed: 0, failed: 0 },
      add: (t, { replayed, summary }) => ({
        done: t.done + replayed,
        processed: t.processed + summary.processed,
        failed: t.failed + summary.failed + summary.dead,
      }),
      onProgress: (t) => setPhase({ step: "running", total, ...t }),
    });
    toast(
      refused
        ? { tone: "danger", title: `Bulk replay stopped after ${deliveries(tally.done)}`, description: refused }
        : {
            tone: tally.failed ? "warning" : "success",
            title: `${stopped ? "Stopped after replaying" : "Replayed"} ${deliveries(tally.done)}`,
            description: `${n(tally.processed)} processed, ${n(tally.failed)} failed again.`,
          },
    );
    setPhase({ step: "idle" });
    await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
  }

  const running = phase.step === "running";
  return (
    <>
      <Button variant="secondary" loading={counting} onClick={ask} disabled={running}>
        Replay all matching…
      </Button>
      <BulkDialog open={phase.step !== "idle"} busy={running} onClose={() => setPhase({ step: "idle" })}>
        {phase.step === "confirm" && (
          <>
            <DialogHeader>
              <DialogTitle>
                {phase.total === 0 ? "Nothing to replay" : `Replay ${deliveries(phase.total)}?`}
              </DialogTitle>
              <DialogDescription>
                {phase.total === 0
                  ? "No delivery matching the current filter can be replayed. Rejected deliveries never parsed, so they cannot be; ones being processed right now are skipped."
                  : "Every delivery matching the current filter, on all pages, is processed again. Rejected deliveries are skipped: they never parsed."}
              </DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button variant="secondary" onClick={() => setPhase({ step: "idle" })}>
                Cancel
              </Button>
              {phase.total > 0 && <Button onClick={() => run(phase.total, phase.asOf)}>Replay {n(phase.total)}</Button>}
            </DialogFooter>
          </>
        )}
        {phase.step === "running" && (
          <>
            <DialogHeader>
              <DialogTitle>Replaying deliveries…</DialogTitle>
              <DialogDescription>
                {n(phase.done)} of {n(phase.total)} replayed: {n(phase.processed)} processed, {n(phase.failed)} failed.
                Keep this tab open.
              </DialogDescription>
            </DialogHeader>
            <ProgressBar label="Bulk replay progress" value={phase.done} max={phase.total} />
            <DialogFooter>
              <StopButton onStop={bulk.requestStop} />
            </DialogFooter>
          </>
        )}
      </BulkDialog>
    </>
  );
}
