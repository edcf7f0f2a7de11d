"use client";
// "Export CSV" for a list with its current filters. A plain link to the
// export route (so it works without JavaScript); with JavaScript the browser
// reads the streamed download itself to show how many rows have arrived, of
// how many (a HEAD request counts them), then saves the file.
import { Download, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState, type MouseEvent } from "react";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Button, buttonClasses } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useToast } from "@/components/ui/toast";

const ROW_COUNT_HEADER = "X-Row-Count";
const NEWLINE = 10;

type Progress = { rows: number; total: number | null };

const filenameOf = (response: Response) =>
  /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "export.csv";

export function ExportButton({ href }: { href: string }) {
  const t = useTranslations("Exports");
  const format = useDisplayFormat();
  const { toast } = useToast();
  const [progress, setProgress] = useState<Progress | null>(null);
  const running = useRef<AbortController | null>(null);

  async function exportCsv(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (running.current) return;
    const abort = new AbortController();
    running.current = abort;
    setProgress({ rows: 0, total: null });
    // The count comes beside the download, not before it: a slow count never holds the file back.
    void fetch(href, { method: "HEAD", signal: abort.signal })
      .then((r) => (r.ok ? Number(r.headers.get(ROW_COUNT_HEADER)) : NaN))
      .then((total) => Number.isFinite(total) && setProgress((p) => p && { ...p, total }))
      .catch(() => {});
    try {
      const response = await fetch(href, { signal: abort.signal });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let lines = 0;
      const reader = response.body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        chunks.push(read.value);
        for (const byte of read.value) if (byte === NEWLINE) lines++;
        // Every line but the header is a row; a quoted cell may hold a line break, so this is an estimate.
        setProgress((p) => p && { ...p, rows: Math.max(0, lines - 1) });
      }
      save(new Blob(chunks, { type: "text/csv;charset=utf-8" }), filenameOf(response));
      const rows = Math.max(0, lines - 1);
      toast({ tone: "success", title: t("done", { count: rows, n: format.number(rows) }) });
    } catch {
      if (!abort.signal.aborted) toast({ tone: "danger", title: t("failed") });
    } finally {
      running.current = null;
      setProgress(null);
    }
  }

  return (
    <div className="flex items-center gap-2" data-testid="export">
      <a href={href} onClick={exportCsv} className={buttonClasses({ variant: "secondary" })} aria-disabled={!!progress}>
        <Download aria-hidden="true" className="size-4" />
        {t("button")}
      </a>
      {progress && (
        <div className="flex min-w-48 items-center gap-2" role="status" data-testid="export-progress">
          <div className="grid flex-1 gap-1">
            <span className="text-xs text-muted-foreground">
              {progress.total === null
                ? t("exporting", { count: progress.rows, n: format.number(progress.rows) })
                : t("exportingOf", { n: format.number(progress.rows), total: format.number(progress.total) })}
            </span>
            {progress.total !== null && (
              <ProgressBar label={t("progressLabel")} value={progress.rows} max={progress.total} />
            )}
          </div>
          <Button variant="ghost" size="icon" aria-label={t("cancel")} onClick={() => running.current?.abort()}>
            <X aria-hidden="true" className="size-4" />
          </Button>
        </div>
      )}
    </div>
  );
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the data by now.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
