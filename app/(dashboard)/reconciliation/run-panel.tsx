"use client";
// "Run now" and the live progress of the run in progress. While a run is
// running the panel polls /api/reconciliation/advance every second, which
// reports the progress saved so far and keeps the run going in bounded slices
// (lib/reconcile/run-in-slices.ts); when it ends, the page's lists are reloaded.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { AdvanceResponse } from "@/app/api/reconciliation/advance/route";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useToast } from "@/components/ui/toast";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";
import { RunError } from "@/components/reconciliation/run-error";
import type { RunProgress } from "@/lib/reconcile/list-reconciliation";
import { startRunAction } from "./actions";
import { RunStatusBadge, RunTrigger, useTriggerName } from "./run-status-badge";

async function advance(runId: string, fallbackError: string): Promise<RunProgress> {
  const response = await fetch("/api/reconciliation/advance", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ runId }),
    cache: "no-store",
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error ?? fallbackError);
  return (body as AdvanceResponse).run;
}

export function RunPanel({ current }: { current: RunProgress | null }) {
  const t = useTranslations("Reconciliation.panel");
  const triggerName = useTriggerName();
  const format = useDisplayFormat();
  const n = format.number;
  const [runId, setRunId] = useState<string | null>(current?.id ?? null);
  const [starting, runForAnswer] = useAnswerTransition();
  const { toast } = useToast();
  const router = useRouter();
  const { data: run, error } = useQuery({
    queryKey: ["reconciliation", "run", runId],
    queryFn: () => advance(runId!, t("loadError")),
    enabled: runId !== null,
    initialData: current?.id === runId ? current : undefined,
    refetchInterval: (q) => (q.state.data?.status === "running" ? 1_000 : false),
    // A hidden tab still keeps its run going.
    refetchIntervalInBackground: true,
    staleTime: 0,
    gcTime: 0,
  });

  const lastStatus = useRef(run?.status);
  useEffect(() => {
    if (!run) return;
    if (lastStatus.current === "running" && run.status !== "running") {
      toast(
        run.status === "completed"
          ? {
              tone: run.errors ? "warning" : "success",
              title: t("finishedTitle"),
              description: t("finishedBody", {
                checked: n(run.checked),
                differing: n(run.differing),
                errors: n(run.errors),
              }),
            }
          : {
              tone: "danger",
              title: t("failedTitle"),
              description: t("failedBody"),
            },
      );
      router.refresh();
    }
    lastStatus.current = run.status;
  }, [run, router, toast, t, n]);

  const start = () =>
    runForAnswer(startRunAction, (result) => {
      if (!result.ok) return toast({ tone: "danger", title: t("notStarted"), description: result.message });
      const { data } = result;
      if (!data.run) return toast({ tone: "info", title: t("justFinished"), description: t("justFinishedBody") });
      lastStatus.current = "running";
      setRunId(data.run.id);
      if (!data.started)
        toast({
          tone: "info",
          title: t("alreadyRunning"),
          description: t("alreadyRunningBody", {
            trigger: triggerName(data.run.trigger),
            time: format.dateTime(data.run.startedAt),
          }),
        });
      else if (data.resumed)
        toast({
          tone: "info",
          title: t("continuing"),
          description: t("continuingBody", { time: format.dateTime(data.run.startedAt) }),
        });
    });

  const running = run?.status === "running";
  const done = run ? run.checked + run.errors : 0;
  return (
    <Card className="mb-5" aria-label={t("runNow")}>
      <CardContent className="flex flex-wrap items-center gap-4">
        <Button onClick={start} loading={starting} disabled={running}>
          {t("runNow")}
        </Button>
        {!run ? (
          <p className="text-sm text-muted-foreground">{error ? error.message : t("intro")}</p>
        ) : (
          <div className="grid min-w-64 flex-1 gap-1.5" data-testid="run-progress" aria-live="polite">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <RunStatusBadge status={run.status} />
              <Badge>
                <RunTrigger trigger={run.trigger} />
              </Badge>
              <span data-testid="run-counts">
                {t("counts", {
                  done: n(done),
                  planned: n(run.planned),
                  differing: n(run.differing),
                  errors: n(run.errors),
                })}
              </span>
              {running && !run.working && <span className="text-xs text-muted-foreground">{t("waiting")}</span>}
            </div>
            <ProgressBar
              label={t("progress")}
              value={run.status === "running" ? done : Math.max(run.planned, done)}
              max={Math.max(run.planned, done)}
            />
            {run.lastError && (
              <div className="text-xs text-danger-fg">
                {t("lastError")} <RunError message={run.lastError} notice={run.lastErrorNotice} />
              </div>
            )}
            {error && <p className="text-xs text-danger-fg">{t("retrying", { error: error.message })}</p>}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
