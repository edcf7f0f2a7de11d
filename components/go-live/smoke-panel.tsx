"use client";
// The latest smoke run, per flow, and the button that starts one. While a run
// is in progress its steps are polled every second; when it ends, the page
// (whose checklist reads the run) is refreshed.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { startSmokeRunAction } from "@/app/(dashboard)/go-live/actions";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import type { LatestSmokeResponse, SmokeRunView } from "@/lib/smoke/read-smoke-runs";

const KEY = ["smoke", "latest"] as const;
const POLL_MS = 1_000;

const TONES: Record<string, Tone> = {
  passed: "success",
  failed: "danger",
  running: "info",
  skipped: "warning",
  pending: "neutral",
};

async function fetchLatest(): Promise<SmokeRunView | null> {
  const res = await fetch("/api/smoke/latest", { cache: "no-store" });
  if (!res.ok)
    throw new Error(
      res.status === 401
        ? "Your session has ended; sign in again."
        : `The smoke results could not be loaded (HTTP ${res.status}).`,
    );
  return ((await res.json()) as LatestSmokeResponse).run;
}

export function SmokePanel({ initial }: { initial: SmokeRunView | null }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { toast } = useToast();
  const [starting, startTransition] = useTransition();
  const query = useQuery({
    queryKey: KEY,
    queryFn: fetchLatest,
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.status === "running" ? POLL_MS : false),
  });
  const run = query.data;
  const running = run?.status === "running";

  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) router.refresh();
    wasRunning.current = running;
  }, [running, router]);

  const start = () =>
    startTransition(async () => {
      const result = await startSmokeRunAction().catch(() => ({
        ok: false as const,
        message: "The dashboard could not be reached; no run was started.",
      }));
      if (!result.ok) toast({ tone: "warning", title: result.message });
      await queryClient.invalidateQueries({ queryKey: KEY });
    });

  return (
    <Card className="mb-5" data-testid="smoke-panel">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <CardTitle>Smoke tests</CardTitle>
          <CardDescription>
            Each flow end to end against the configured Points: an earning order, a checkout session, a temporary
            webhook endpoint and a delivery through it, a partial refund, a cancellation and a shipping update, each
            confirmed by its webhook in our order store. Also: npm run smoke.
          </CardDescription>
        </div>
        <Button onClick={start} loading={starting || running} disabled={running}>
          {running ? "Running…" : "Run smoke tests"}
        </Button>
      </CardHeader>
      <CardContent>
        {query.isError ? (
          <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />
        ) : !run ? (
          <EmptyState
            title="No smoke run yet"
            description="Run the smoke tests to exercise every flow against Points."
          />
        ) : (
          <>
            <p className="mb-3 text-sm" data-testid="smoke-run-summary">
              <Badge tone={TONES[run.status]}>{run.status}</Badge> started {formatDateTime(run.startedAt)}
              {run.startedBy ? ` by ${run.startedBy}` : run.trigger === "cli" ? " from npm run smoke" : ""} against{" "}
              {run.environment}
            </p>
            <Table label="Smoke test flows of the latest run" stickyHeader={false}>
              <THead>
                <Tr>
                  <Th>Flow</Th>
                  <Th>Result</Th>
                  <Th>Detail</Th>
                  <Th className="text-right">Took</Th>
                </Tr>
              </THead>
              <TBody>
                {run.steps.map((s) => (
                  <Tr key={s.flow} data-testid="smoke-step" data-flow={s.flow}>
                    <Td className="whitespace-nowrap font-medium">{s.label}</Td>
                    <Td>
                      <Badge tone={TONES[s.status] ?? "neutral"}>{s.status}</Badge>
                    </Td>
                    <Td className="text-sm">{s.detail ?? <span className="text-muted-foreground">—</span>}</Td>
                    <Td numeric className="whitespace-nowrap">
                      {s.durationMs === null ? "" : `${(s.durationMs / 1000).toFixed(1)} s`}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
