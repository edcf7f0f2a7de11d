"use client";
// The latest smoke run, per flow, and the button that starts one. While a run
// is in progress its steps are polled every second; when it ends, the page
// (whose checklist reads the run) is refreshed.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { startSmokeRunAction } from "@/app/(dashboard)/go-live/actions";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Ltr } from "@/components/i18n/ltr";
import { useNoticeText } from "@/components/orders/use-notice-text";
import { SmokeDetail } from "./smoke-detail";
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

/** A failed load, said in the reader's language by the panel. */
class LoadFailed extends Error {
  constructor(readonly status: number) {
    super(`smoke results: HTTP ${status}`);
  }
}

async function fetchLatest(): Promise<SmokeRunView | null> {
  const res = await fetch("/api/smoke/latest", { cache: "no-store" });
  if (!res.ok) throw new LoadFailed(res.status);
  return ((await res.json()) as LatestSmokeResponse).run;
}

const STATUSES = ["passed", "failed", "running", "skipped", "pending"] as const;
type StepStatus = (typeof STATUSES)[number];
const isStatus = (s: string): s is StepStatus => (STATUSES as readonly string[]).includes(s);

export function SmokePanel({ initial }: { initial: SmokeRunView | null }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { toast } = useToast();
  const [starting, runForAnswer] = useAnswerTransition();
  const t = useTranslations("GoLive.smoke");
  const flows = useTranslations("GoLive.flows");
  const format = useDisplayFormat();
  const say = useNoticeText();
  const statusLabel = (status: string) => (isStatus(status) ? t(`status.${status}`) : status);
  const code = (chunks: React.ReactNode) => <Ltr>{chunks}</Ltr>;
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
    runForAnswer(
      () => startSmokeRunAction().catch(() => ({ ok: false as const, message: t("unreachable") })),
      (result) => {
        if (!result.ok) toast({ tone: "warning", title: say(result) });
        return queryClient.invalidateQueries({ queryKey: KEY });
      },
    );

  return (
    <Card className="mb-5" data-testid="smoke-panel">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t.rich("description", { code })}</CardDescription>
        </div>
        <Button onClick={start} loading={starting || running} disabled={running}>
          {running ? t("running") : t("run")}
        </Button>
      </CardHeader>
      <CardContent>
        {query.isError ? (
          <ErrorState
            message={
              query.error instanceof LoadFailed && query.error.status !== 401
                ? t("loadFailed", { status: String(query.error.status) })
                : t("sessionEnded")
            }
            onRetry={() => void query.refetch()}
          />
        ) : !run ? (
          <EmptyState title={t("noRun")} description={t("noRunHint")} />
        ) : (
          <>
            <p className="mb-3 text-sm" data-testid="smoke-run-summary">
              <Badge tone={TONES[run.status]}>{statusLabel(run.status)}</Badge>{" "}
              {t("started", { at: format.dateTime(run.startedAt) })}{" "}
              {run.startedBy
                ? t.rich("by", { name: run.startedBy, bdi: (chunks) => <bdi>{chunks}</bdi> })
                : run.trigger === "cli"
                  ? t.rich("fromCli", { code })
                  : ""}{" "}
              {t.rich("against", { env: run.environment, code })}
            </p>
            <Table label={t("table")} stickyHeader={false}>
              <THead>
                <tr>
                  <Th>{t("columns.flow")}</Th>
                  <Th>{t("columns.result")}</Th>
                  <Th>{t("columns.detail")}</Th>
                  <Th numeric>{t("columns.took")}</Th>
                </tr>
              </THead>
              <TBody>
                {run.steps.map((s) => (
                  <tr key={s.flow} data-testid="smoke-step" data-flow={s.flow}>
                    <Td className="whitespace-nowrap font-medium">{flows(s.flow)}</Td>
                    <Td>
                      <Badge tone={TONES[s.status] ?? "neutral"}>{statusLabel(s.status)}</Badge>
                    </Td>
                    <Td className="min-w-64 text-sm">
                      <SmokeDetail detail={s.detail} notice={s.detailNotice} />
                    </Td>
                    <Td numeric className="whitespace-nowrap">
                      {s.durationMs === null
                        ? ""
                        : t("seconds", { s: format.number(Math.round(s.durationMs / 100) / 10) })}
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
