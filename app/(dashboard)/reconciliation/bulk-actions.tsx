"use client";
// Heal, re-check or explain every open difference the current filter matches
// (on all pages, not only the one shown): count and confirm, then one server
// chunk at a time with progress, then the totals and every item that failed.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { BulkDialog, CancelButton, StopButton } from "@/components/bulk/bulk-dialog";
import { useBulkRun } from "@/components/bulk/use-bulk-run";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Ltr } from "@/components/i18n/ltr";
import { NoticeText } from "@/components/i18n/notice-text";
import { NoteField } from "@/components/reconciliation/note-dialog";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldMessage } from "@/components/ui/label";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useToast } from "@/components/ui/toast";
import type { BulkAction, BulkFailure } from "@/lib/reconcile/bulk-differences";
import { bulkChunkAction, countBulkAction } from "./actions";

const ACTIONS: BulkAction[] = ["heal", "recheck", "explain"];

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
  const t = useTranslations("Reconciliation.bulk");
  const tBulk = useTranslations("Bulk");
  const tCommon = useTranslations("Common");
  const n = useDisplayFormat().number;
  const succeeded = (action: BulkAction, count: number) => t(`${action}.success`, { count, n: n(count) });
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [counting, setCounting] = useState<BulkAction | null>(null);
  const bulk = useBulkRun();
  const { toast } = useToast();
  const router = useRouter();

  async function ask(action: BulkAction) {
    setCounting(action);
    const result = await countBulkAction({ filter: filterParams });
    setCounting(null);
    if (!result.ok) return toast({ tone: "danger", title: t("countError"), description: result.message });
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
    const why = refused ?? (stopped ? t("stoppedOnRequest") : null);
    setPhase({ step: "finished", action, total, stopped: why, ...tally });
    toast({
      tone: why || tally.failures.length ? "warning" : "success",
      title: succeeded(action, tally.succeeded),
      description: why
        ? t("toastStopped", { closed: n(tally.closed), failed: n(tally.failures.length), why })
        : t("toast", { closed: n(tally.closed), failed: n(tally.failures.length) }),
    });
    router.refresh();
  }

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase.step !== "confirm") return;
    const note = String(new FormData(event.currentTarget).get("note") ?? "").trim();
    if (phase.action === "explain" && !note) return setPhase({ ...phase, error: t("noteRequired") });
    void run(phase.action, phase.total, phase.asOf, phase.action === "explain" ? note : undefined);
  }

  const busy = phase.step === "running";
  return (
    <div className="flex flex-wrap gap-2" aria-label={t("group")} role="group">
      {ACTIONS.map((action) => (
        <Button
          key={action}
          variant="secondary"
          size="sm"
          loading={counting === action}
          disabled={busy || counting !== null}
          onClick={() => ask(action)}
        >
          {t(`${action}.button`)}
        </Button>
      ))}
      <BulkDialog open={phase.step !== "idle"} busy={busy} onClose={() => setPhase({ step: "idle" })}>
        {phase.step === "confirm" && (
          <form onSubmit={confirm} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>
                {phase.total === 0
                  ? t("nothingTitle")
                  : t("confirmTitle", {
                      action: t(`${phase.action}.confirm`),
                      count: phase.total,
                      n: n(phase.total),
                    })}
              </DialogTitle>
              <DialogDescription>
                {phase.total === 0 ? t("nothingBody") : t(`${phase.action}.explainer`)}
              </DialogDescription>
            </DialogHeader>
            {phase.total > 0 && phase.action === "explain" && <NoteField id="bulk-note" />}
            {phase.error && (
              <FieldMessage tone="error" role="alert">
                {phase.error}
              </FieldMessage>
            )}
            <DialogFooter>
              <CancelButton onCancel={() => setPhase({ step: "idle" })} />
              {phase.total > 0 && (
                <Button type="submit">
                  {t("confirmButton", { action: t(`${phase.action}.confirm`), n: n(phase.total) })}
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
                  ? t(`${phase.action}.verb`)
                  : t("doneTitle", { result: succeeded(phase.action, phase.succeeded) })}
              </DialogTitle>
              <DialogDescription data-testid="bulk-summary">
                {t("summary", {
                  walked: n(phase.walked),
                  total: n(phase.total),
                  closed: n(phase.closed),
                  failed: n(phase.failures.length),
                })}
                {phase.step === "running" && ` ${tBulk("keepOpen")}`}
              </DialogDescription>
            </DialogHeader>
            <ProgressBar
              label={t("progress")}
              value={phase.step === "finished" && !phase.stopped ? phase.total : phase.walked}
              max={phase.total}
            />
            {phase.step === "finished" && phase.stopped && (
              <FieldMessage tone="error" role="alert">
                {t("stopped", { why: phase.stopped })}
              </FieldMessage>
            )}
            {phase.failures.length > 0 && (
              <ul className="max-h-48 overflow-auto rounded-md border text-sm" aria-label={t("failures")}>
                {phase.failures.map((f, i) => (
                  <li key={`${f.orderUuid}-${i}`} className="border-b px-3 py-1.5 last:border-b-0">
                    <Ltr className="font-mono text-xs">{f.orderNumber ?? f.orderUuid}</Ltr>:{" "}
                    <NoticeText notice={f.notice} />
                  </li>
                ))}
              </ul>
            )}
            <DialogFooter>
              {phase.step === "running" ? (
                <StopButton onStop={bulk.requestStop} />
              ) : (
                <Button variant="secondary" onClick={() => setPhase({ step: "idle" })}>
                  {tCommon("close")}
                </Button>
              )}
            </DialogFooter>
          </>
        )}
      </BulkDialog>
    </div>
  );
}
