// Polls while it should: only when asked to and while the browser tab is visible, one call at a time.
import { useEffect, useRef } from "react";

/**
 * Calls `poll` now and then every `intervalMs` while `enabled` and the document is visible; a slow answer is never
 * overlapped by the next call. A hidden tab skips its calls (the timer only checks again). `intervalMs` null means no repeat (one call when enabled).
 */
export function usePolling(poll: () => Promise<void>, intervalMs: number | null, enabled: boolean): void {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      if (stopped) return;
      if (document.visibilityState === "visible") await latest.current().catch(() => undefined);
      if (!stopped && intervalMs !== null) timer = setTimeout(run, intervalMs);
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [enabled, intervalMs]);
}
