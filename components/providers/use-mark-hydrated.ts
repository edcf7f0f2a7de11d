import { useEffect } from "react";

/**
 * Marks the page interactive (`<html data-hydrated>`) once the calling component has hydrated and run the
 * effects declared before this call. Browser tests wait for it before they click or move the clock, so that
 * nothing they do lands on server-rendered HTML with no handler or timer behind it yet (a slow machine
 * shows the HTML long before it hydrates).
 */
export function useMarkHydrated(): void {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
}
