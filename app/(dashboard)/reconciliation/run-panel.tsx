"use client";
// "Run now" and the live progress of the run in progress. While a run is
// running the panel polls /api/reconciliation/advance every second, which
// reports the progress saved so far and keeps the run going in bounded slices
// (lib/reconcile/run-in-slices.ts); when it ends, the page's lists are reloaded.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { AdvanceResponse } from "@/app/api/reconciliation/advance/route";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import type { RunProgress } from "@/lib/reconcile/list-reconciliation";
import { startRunAction } from "./actions";
import { RunStatusBadge } from "./run-status-badge";

const n = (value: number) => value.toLocaleString("en");

async function advance(runId: string): Promise<RunProgress> {
  const response = await fetch("/api/reconciliation/advance", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ runId }),
    cache: "no-store",
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error ?? "The run's progress could not be loaded.");
  return (body as AdvanceResponse).run;
}

export function RunPanel({ current }: { current: RunProgress | null }) {
  const [runId, setRunId] = useState<string | null>(current?.id ?? null);
  const [starting, startTransition] = useTransition();
  const { toast } = useToast();
  const router = useRouter();
  const { data: run, error } = useQuery({
    queryKey: ["reconciliation", "run", runId],
    queryFn: () => advance(runId!),
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
              title: "Reconciliation finished",
              description: `${n(run.checked)} checked, ${n(run.differing)} differing, ${n(run.errors)} not checked.`,
            }
          : {
              tone: "danger",
              title: "Reconciliation failed",
              description: run.lastError ?? "See the run's last error.",
            },
      );
      router.refresh();
    }
    lastStatus.current = run.status;
  }, [run, router, toast]);

  const start = () =>
    startTransition(async () => {
      const result = await startRunAction();
      if (!result.ok) return toast({ tone: "danger", title: "The run did not start", description: result.message });
      const { data } = result;
      if (!data.run)
        return toast({ tone: "info", title: "A run just finished", description: "Its results are below." });
      lastStatus.current = "running";
      setRunId(data.run.id);
      if (!data.started)
        toast({
          tone: "info",
          title: "A run is already running",
          description: `Started by ${data.run.trigger} at ${formatDateTime(data.run.startedAt)}; showing its progress.`,
        });
      else if (data.resumed)
        toast({
          tone: "info",
          title: "Continuing the unfinished run",
          description: `Started at ${formatDateTime(data.run.startedAt)}.`,
        });
    });

  const running = run?.status === "running";
  const done = run ? run.checked + run.errors : 0;
  return (
    <Card className="mb-5" aria-label="Run now">
      <CardContent className="flex flex-wrap items-center gap-4">
        <Button onClick={start} loading={starting} disabled={running}>
          Run now
        </Button>
        {!run ? (
          <p className="text-sm text-muted-foreground">
            {error
              ? error.message
              : "Compares every open or recently changed order (and a weekly slice of the rest) with Points and checks each one's webhook history."}
          </p>
        ) : (
          <div className="grid min-w-64 flex-1 gap-1.5" data-testid="run-progress" aria-live="polite">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <RunStatusBadge status={run.status} />
              <Badge>{run.trigger}</Badge>
              <span data-testid="run-counts">
                {n(done)} of {n(run.planned)} checked · {n(run.differing)} differing · {n(run.errors)} errors
              </span>
              {running && !run.working && (
                <span className="text-xs text-muted-foreground">waiting for the next slice…</span>
              )}
            </div>
            <ProgressBar
              label="Reconciliation progress"
              value={run.status === "running" ? done : Math.max(run.planned, done)}
              max={Math.max(run.planned, done)}
            />
            {run.lastError && <p className="text-xs text-danger-fg">Last error: {run.lastError}</p>}
            {error && <p className="text-xs text-danger-fg">{error.message} Retrying…</p>}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
