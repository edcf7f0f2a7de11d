"use client";

import { ErrorState } from "@/components/ui/states";

// Unexpected failures: a generic message (the details are in the server log, never in the browser).
export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="This page could not be loaded"
      message="Something went wrong on our side. Try again; if it keeps failing, tell your admin."
      onRetry={reset}
    />
  );
}
