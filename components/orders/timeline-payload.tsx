"use client";
// A timeline row's raw payload, fetched only when the row's disclosure is
// opened (GET /api/timeline/payload), so the order page itself never carries
// hundreds of bodies. Kept in the query cache once read.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { PayloadQuery, PayloadResponse } from "@/lib/timeline/entry-payload";

async function fetchPayload({ kind, id }: PayloadQuery) {
  const response = await fetch(`/api/timeline/payload?kind=${kind}&id=${encodeURIComponent(id)}`, {
    cache: "no-store",
  });
  if (!response.ok) throw new Error(`payload ${kind} ${id}: HTTP ${response.status}`);
  return ((await response.json()) as PayloadResponse).payload;
}

/** `summary`: the disclosure's words, written by the server list once for all rows (a row translates nothing until opened). */
export function TimelinePayload({ kind, id, summary }: PayloadQuery & { summary: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="timeline-payload">
      <summary className="cursor-pointer text-xs text-muted-foreground">{summary}</summary>
      {open && <PayloadBody kind={kind} id={id} />}
    </details>
  );
}

// Mounted only once the row is opened: a long timeline holds no query per row.
function PayloadBody({ kind, id }: PayloadQuery) {
  const t = useTranslations("Timeline.payload");
  const query = useQuery({
    queryKey: ["timeline-payload", kind, id],
    queryFn: () => fetchPayload({ kind, id }),
    staleTime: Infinity,
  });
  return query.isError ? (
    <p className="mt-1 text-xs text-danger-fg" role="alert">
      {t("failed")}
    </p>
  ) : query.data ? (
    <pre
      className="mt-1 max-h-80 overflow-auto rounded-md bg-surface-muted p-3 text-start font-mono text-xs"
      dir="ltr"
      aria-label={t("label")}
      tabIndex={0}
    >
      {query.data.text}
    </pre>
  ) : (
    <p className="mt-1 text-xs text-muted-foreground" role="status">
      {t("loading")}
    </p>
  );
}
