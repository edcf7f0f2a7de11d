"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// While an action waits for its confirming webhook, re-render the page from the
// server now and then so "Awaiting webhook" turns to "Confirmed" by itself.
export function RefreshWhileAwaiting({ awaiting, everyMs = 3_000 }: { awaiting: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!awaiting) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [awaiting, everyMs, router]);
  return null;
}
