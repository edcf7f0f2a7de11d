"use client";

import { useEffect, useRef, useState } from "react";
import type { StreamBatch } from "@/app/api/webhooks/deliveries/stream/route";
import type { LiveState } from "@/components/webhooks/live-indicator";

// After an HTTP error (a redeploy's 502, an expired session) EventSource gives up for good.
const RESTART_AFTER_MS = 3_000;

/**
 * Follows the delivery stream for a filter. EventSource reconnects by itself
 * after a dropped connection and sends Last-Event-ID; when it gives up, or
 * after a pause, a new one starts from the last id received.
 */
export function useDeliveryStream(opts: {
  filterParams: string;
  startAfter: string;
  paused: boolean;
  onBatch: (batch: StreamBatch) => void;
}): LiveState {
  const { filterParams, paused } = opts;
  const lastId = useRef(opts.startAfter);
  const onBatch = useRef(opts.onBatch);
  const [connection, setConnection] = useState<Exclude<LiveState, "paused">>("connecting");
  const [restarts, setRestarts] = useState(0);

  useEffect(() => {
    onBatch.current = opts.onBatch;
  });

  useEffect(() => {
    if (paused) return;
    const params = new URLSearchParams(filterParams);
    params.set("after", lastId.current);
    const source = new EventSource(`/api/webhooks/deliveries/stream?${params}`);
    let restart: ReturnType<typeof setTimeout> | undefined;
    source.onopen = () => setConnection("live");
    source.addEventListener("batch", (event) => {
      if (event.lastEventId) lastId.current = event.lastEventId;
      onBatch.current(JSON.parse(event.data) as StreamBatch);
    });
    source.onerror = () => {
      setConnection("reconnecting");
      if (source.readyState === EventSource.CLOSED)
        restart = setTimeout(() => setRestarts((n) => n + 1), RESTART_AFTER_MS);
    };
    return () => {
      source.close();
      clearTimeout(restart);
      setConnection("reconnecting");
    };
  }, [filterParams, paused, restarts]);

  return paused ? "paused" : connection;
}
