"use client";
// Heal, re-check or explain every open difference the current filter matches
// (on all pages, not only the one shown): count and confirm, then one server
// chunk at a time with progress, then the totals and every item that failed.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { BulkDialog, StopButton } from "@/components/bulk/bulk-dialog";
import { useBulkRun } from "@/components/bulk/use-bulk-run";
import { NoteField } from "@/components/reconciliation/note-dialog";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldMessage } from "@/components/ui/label";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useToast } from "@/components/ui/toast";
import type { BulkAction, BulkFailure } from "@/lib/reconcile/bulk-differences";
import { bulkChunkAction, countBulkAction } from "./actions";

const n = (value: number) => value.toLocaleString("en");
const differences = (count: number) => `${n(count)} open ${count === 1 ? "difference" : "differences"}`;

const COPY: Record<
  BulkAction,
  { button: string; verb: string; confirm: string; explainer: string; success: [one: string, many: string] }
> = {
  heal: {
    button: "Accept Points' state for all…",
    verb: "Accepting Points' state",
    confirm: "Accept Points' state",
    explainer:
      "Each matching difference's order is read from Points and written over ours. That closes every open difference of those orders, also ones outside this filter. Orders Points does not have are reported, not changed.",
    success: ["order healed", "orders healed"],
  },
  recheck: {
    button: "Re-check all…",
    verb: "Re-checking",
    confirm: "Re-check",
    explainer:
      "Each matching difference's order is read from Points now and compared again: what agrees now is closed, what still differs is updated. Nothing of ours is changed.",
    success: ["order re-checked", "orders re-checked"],
  },
  explain: {
    button: "Explain all…",
    verb: "Explaining",
    confirm: "Explain",
    explainer:
      "Every matching difference is closed as explained with this note, each one audited against its order. Our orders are not changed.",
    success: ["difference explained", "differences explained"],
  },
};

const succeeded = (action: BulkAction, count: number) => `${n(count)} ${COPY[action].success[count === 1 ? 0 : 1]}`;

interface Tally {
  walked: number;
  succeeded: number;
  closed: number;
  failures: BulkFailure[];
}

type Phase =
  | { step: "idle" }
  | { step: "confirm"; action: BulkAction; total: number; asOf: string; error?: string }
  | ({ step: "running"; action: BulkAction; total: number } & Tally)
  | ({ step: "finished"; action: BulkAction; total: number; stopped: string | null } & Tally);

export function BulkActions({ filterParams }: { filterParams: string }) {
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [counting, setCounting] = useState<BulkAction | null>(null);
  const bulk = useBulkRun();
  const { toast } = useToast();
  const router = useRouter();

  async function ask(action: BulkAction) {
    setCounting(action);
    const result = await countBulkAction({ filter: filterParams });
    setCounting(null);
    if (!result.ok)
      return toast({ tone: "danger", title: "Could not count the differences", description: result.message });
    setPhase({ step: "confirm", action, ...result.data });
  }

  async function run(action: BulkAction, total: number, asOf: string, note: string | undefined) {
    const { tally, refused, stopped } = await bulk.run({
      chunk: (cursor) => bulkChunkAction({ filter: filterParams, action, asOf, cursor, note }),
      start: { walked: 0, succeeded: 0, closed: 0, failures: [] } as Tally,
      add: (t, r) => ({
        walked: t.walked + r.walked,
        succeeded: t.succeeded + r.succeeded,
        closed: t.closed + r.closed,
        failures: [...t.failures, ...r.failures],
      }),
      onProgress: (t) => setPhase({ step: "running", action, total, ...t }),
    });
    const why = refused ?? (stopped ? "Stopped on request; the rest is untouched." : null);
    setPhase({ step: "finished", action, total, stopped: why, ...tally });
    toast({
      tone: why || tally.failures.length ? "warning" : "success",
      title: succeeded(action, tally.succeeded),
      description: `${n(tally.closed)} closed, ${n(tally.failures.length)} failed${why ? `; stopped: ${why}` : ""}.`,
    });
    router.refresh();
  }

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase.step !== "confirm") return;
    const note = String(new FormData(event.currentTarget).get("note") ?? "").trim();
    if (phase.action === "explain" && !note)
      return setPhase({ ...phase, error: "Write a note saying why these differences are fine." });
    void run(phase.action, phase.total, phase.asOf, phase.action === "explain" ? note : undefined);
  }

  const busy = phase.step === "running";
  return (
    <div className="flex flex-wrap gap-2" aria-label="Bulk actions on all matching differences" role="group">
      {(Object.keys(COPY) as BulkAction[]).map((action) => (
        <Button
          key={action}
          variant="secondary"
          size="sm"
          loading={counting === action}
          disabled={busy || counting !== null}
          onClick={() => ask(action)}
        >
          {COPY[action].button}
        </Button>
      ))}
      <BulkDialog open={phase.step !== "idle"} busy={busy} onClose={() => setPhase({ step: "idle" })}>
        {phase.step === "confirm" && (
          <form onSubmit={confirm} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>
                {phase.total === 0 ? "Nothing matches" : `${COPY[phase.action].confirm}: ${differences(phase.total)}?`}
              </DialogTitle>
              <DialogDescription>
                {phase.total === 0 ? "No open difference matches the current filter." : COPY[phase.action].explainer}
              </DialogDescription>
            </DialogHeader>
            {phase.total > 0 && phase.action === "explain" && <NoteField id="bulk-note" />}
            {phase.error && (
              <FieldMessage tone="error" role="alert">
                {phase.error}
              </FieldMessage>
            )}
            <DialogFooter>
              <Button variant="secondary" onClick={() => setPhase({ step: "idle" })}>
                Cancel
              </Button>
              {phase.total > 0 && (
                <Button type="submit">
                  {COPY[phase.action].confirm} {n(phase.total)}
                </Button>
              )}
            </DialogFooter>
          </form>
        )}
        {(phase.step === "running" || phase.step === "finished") && (
          <>
            <DialogHeader>
              <DialogTitle>
                {phase.step === "running"
                  ? `${COPY[phase.action].verb}…`
                  : `Done: ${succeeded(phase.action, phase.succeeded)}`}
              </DialogTitle>
              <DialogDescription data-testid="bulk-summary">
                {n(phase.walked)} of {n(phase.total)} gone through: {n(phase.closed)} closed, {n(phase.failures.length)}{" "}
                failed.
                {phase.step === "running" && " Keep this tab open."}
              </DialogDescription>
            </DialogHeader>
            <ProgressBar
              label="Bulk action progress"
              value={phase.step === "finished" && !phase.stopped ? phase.total : phase.walked}
              max={phase.total}
            />
            {phase.step === "finished" && phase.stopped && (
              <FieldMessage tone="error" role="alert">
                Stopped: {phase.stopped}
              </FieldMessage>
            )}
            {phase.failures.length > 0 && (
              <ul className="max-h-48 overflow-auto rounded-md border text-sm" aria-label="Items that failed">
                {phase.failures.map((f, i) => (
                  <li key={`${f.orderUuid}-${i}`} className="border-b px-3 py-1.5 last:border-b-0">
                    <span className="font-mono text-xs">{f.orderNumber ?? f.orderUuid}</span>: {f.message}
                  </li>
                ))}
              </ul>
            )}
            <DialogFooter>
              {phase.step === "running" ? (
                <StopButton onStop={bulk.requestStop} />
              ) : (
                <Button variant="secondary" onClick={() => setPhase({ step: "idle" })}>
                  Close
                </Button>
              )}
            </DialogFooter>
          </>
        )}
      </BulkDialog>
    </div>
  );
}
