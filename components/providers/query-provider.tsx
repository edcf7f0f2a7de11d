"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useMarkHydrated } from "./use-mark-hydrated";

/** One QueryClient per browser tab; made in state so a re-render never drops the cache. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        // Pages arrive server-rendered and live views are pushed; refetching on focus would only repeat work.
        defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
      }),
  );
  // A parent's effects run after the whole tree below has hydrated: the dashboard page is interactive.
  useMarkHydrated();
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
