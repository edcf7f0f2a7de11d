"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { DeliveriesResponse } from "@/app/api/webhooks/deliveries/route";
import type { StreamBatch } from "@/app/api/webhooks/deliveries/stream/route";
import { Button } from "@/components/ui/button";
import { KeysetPager, NEWEST_FIRST_STEPS } from "@/components/ui/keyset-pager";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { LiveIndicator } from "@/components/webhooks/live-indicator";
import { webhookKeys } from "@/components/webhooks/query-keys";
import { matchesFilter, type DeliveryFilter } from "@/lib/webhooks/delivery-filters";
import { mergeLiveBatch } from "@/lib/webhooks/merge-live-batch";
import { DeliveryTable } from "./delivery-table";
import { useDeliveryStream } from "./use-delivery-stream";

async function fetchDeliveries(pageParams: string): Promise<DeliveriesResponse> {
  const response = await fetch(`/api/webhooks/deliveries?${pageParams}`, { cache: "no-store" });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error ?? "The delivery log could not be loaded.");
  return body as DeliveriesResponse;
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
  const queryClient = useQueryClient();
  const key = webhookKeys.deliveries(pageParams);
  // The server-rendered page is the starting point; the stream keeps it current, replays invalidate it.
  const {
    data: page,
    error,
    refetch,
  } = useQuery({
    queryKey: key,
    queryFn: () => fetchDeliveries(pageParams),
    initialData: initialPage,
    staleTime: Infinity,
    gcTime: 0,
  });
  const [paused, setPaused] = useState(false);
  const [missed, setMissed] = useState(0);
  const isNewestPage = page.prevCursor === null;

  const live = useDeliveryStream({
    filterParams,
    startAfter: latestId,
    paused,
    onBatch(batch: StreamBatch) {
      if (batch.reset) return void queryClient.invalidateQueries({ queryKey: key });
      const added = batch.rows.filter((row) => matchesFilter(row, filter));
      // Rows only belong on top of the newest page; elsewhere they would land out of order.
      if (!isNewestPage && added.length) setMissed((n) => n + added.length);
      queryClient.setQueryData<DeliveriesResponse>(
        key,
        (current) => current && mergeLiveBatch(current, isNewestPage ? added : [], batch.updates),
      );
    },
  });

  return (
    <section aria-label="Delivery log">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <LiveIndicator state={live} />
        <Button variant="secondary" size="sm" onClick={() => setPaused((p) => !p)} aria-pressed={paused}>
          {paused ? "Resume" : "Pause"}
        </Button>
        {missed > 0 && (
          <Link
            href={filterParams ? `/webhooks?${filterParams}` : "/webhooks"}
            className="text-sm font-medium text-accent underline"
          >
            {missed.toLocaleString("en")} new since this page opened — show newest
          </Link>
        )}
      </div>
      {error && <ErrorState message={error.message} onRetry={() => void refetch()} />}
      {page.rows.length === 0 ? (
        <EmptyState
          title="No deliveries match"
          description={
            filterParams
              ? "Nothing matches these filters yet. New matching deliveries appear here as they arrive."
              : "Deliveries appear here as soon as Points sends its first webhook."
          }
        />
      ) : (
        <DeliveryTable rows={page.rows} />
      )}
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
