"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { DeliveriesResponse } from "@/app/api/webhooks/deliveries/route";
import type { StreamBatch } from "@/app/api/webhooks/deliveries/stream/route";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Button } from "@/components/ui/button";
import { KeysetPager, NEWEST_FIRST_STEPS } from "@/components/ui/keyset-pager";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { LiveIndicator } from "@/components/webhooks/live-indicator";
import { webhookKeys } from "@/components/webhooks/query-keys";
import { matchesFilter, type DeliveryFilter } from "@/lib/webhooks/delivery-filters";
import type { DeliveryRow } from "@/lib/webhooks/list-deliveries";
import { mergeLiveBatch } from "@/lib/webhooks/merge-live-batch";
import { DeliveryTable } from "./delivery-table";
import { useDeliveryStream } from "./use-delivery-stream";

async function fetchDeliveries(pageParams: string, fallbackError: string): Promise<DeliveriesResponse> {
  const response = await fetch(`/api/webhooks/deliveries?${pageParams}`, { cache: "no-store" });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error ?? fallbackError);
  return body as DeliveriesResponse;
}

// How long a live row stays highlighted before its colour fades.
const FRESH_MS = 4_000;

/** Rows that arrived live, highlighted for a while; and one polite sentence about the latest batch. */
function useFreshRows() {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  function arrived(rows: DeliveryRow[], announce: string) {
    const ids = rows.map((row) => row.id);
    setFresh((current) => new Set([...current, ...ids]));
    setAnnouncement(announce);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setFresh((current) => new Set([...current].filter((id) => !ids.includes(id))));
    }, FRESH_MS);
    timers.current.add(timer);
  }
  return { fresh, announcement, arrived };
}

export interface DeliveryLogProps {
  filter: DeliveryFilter;
  /** The filter alone as a query string (what the stream and bulk replay select). */
  filterParams: string;
  /** Filter plus page position: the cache key of this page. */
  pageParams: string;
  initialPage: DeliveriesResponse;
  /** Highest delivery id when the page was rendered: the stream sends what comes after it. */
  latestId: string;
}

export function DeliveryLog({ filter, filterParams, pageParams, initialPage, latestId }: DeliveryLogProps) {
  const t = useTranslations("Webhooks");
  const n = useDisplayFormat().number;
  const queryClient = useQueryClient();
  const key = webhookKeys.deliveries(pageParams);
  // The server-rendered page is the starting point; the stream keeps it current, replays invalidate it.
  const {
    data: page,
    error,
    refetch,
  } = useQuery({
    queryKey: key,
    queryFn: () => fetchDeliveries(pageParams, t("log.loadError")),
    initialData: initialPage,
    staleTime: Infinity,
    gcTime: 0,
  });
  const [paused, setPaused] = useState(false);
  const [missed, setMissed] = useState(0);
  const isNewestPage = page.prevCursor === null;
  const { fresh, announcement, arrived } = useFreshRows();

  const live = useDeliveryStream({
    filterParams,
    startAfter: latestId,
    paused,
    onBatch(batch: StreamBatch) {
      if (batch.reset) return void queryClient.invalidateQueries({ queryKey: key });
      const added = batch.rows.filter((row) => matchesFilter(row, filter));
      // Rows only belong on top of the newest page; elsewhere they would land out of order.
      if (!isNewestPage && added.length) setMissed((count) => count + added.length);
      const shown = isNewestPage ? added.filter((row) => !page.rows.some((r) => r.id === row.id)) : [];
      if (shown.length) {
        const newest = shown.at(-1)!;
        arrived(
          shown,
          t("log.arrived", {
            count: shown.length,
            n: n(shown.length),
            event: newest.event ?? "—",
            order: newest.orderNumber ?? t("log.unknownOrder"),
          }),
        );
      }
      queryClient.setQueryData<DeliveriesResponse>(
        key,
        (current) => current && mergeLiveBatch(current, isNewestPage ? added : [], batch.updates),
      );
    },
  });

  return (
    <section aria-label={t("log.label")}>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <LiveIndicator state={live} />
        <Button variant="secondary" size="sm" onClick={() => setPaused((p) => !p)} aria-pressed={paused}>
          {paused ? t("log.resume") : t("log.pause")}
        </Button>
        {missed > 0 && (
          <Link
            href={filterParams ? `/webhooks?${filterParams}` : "/webhooks"}
            className="text-sm font-medium text-accent underline"
          >
            {t("log.missed", { count: missed, n: n(missed) })}
          </Link>
        )}
      </div>
      {error && <ErrorState message={error.message} onRetry={() => void refetch()} />}
      {page.rows.length === 0 ? (
        <EmptyState
          title={t("log.emptyTitle")}
          description={filterParams ? t("log.emptyFiltered") : t("log.emptyAll")}
        />
      ) : (
        <DeliveryTable rows={page.rows} fresh={fresh} />
      )}
      <p className="sr-only" role="status" aria-live="polite" data-testid="live-announcement">
        {announcement}
      </p>
      <KeysetPager
        page={page}
        steps={NEWEST_FIRST_STEPS}
        path="/webhooks"
        filterParams={filterParams}
        className="mt-3"
      />
    </section>
  );
}
