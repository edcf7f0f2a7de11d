"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";

/** One QueryClient per browser tab; made in state so a re-render never drops the cache. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        // Pages arrive server-rendered and live views are pushed; refetching on focus would only repeat work.
        defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
      }),
  );
  // Marks the page interactive (effects run once the tree below has hydrated): browser tests wait for it
  // before clicking, so a click on server-rendered HTML is never lost on a slow machine.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
