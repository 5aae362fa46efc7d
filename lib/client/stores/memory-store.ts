// The graph's memory figures, read from GET /api/metrics every few seconds while the Sandbox screen is open.
import { createStore } from "zustand/vanilla";
import { callControl } from "../sandbox-api";
import { memoryOf, noMemory, type MemoryView } from "../memory";

/** The server samples /proc every second or so; every 2 s shows a scale-up within a moment without a flood of calls. */
export const MEMORY_POLL_MS = 2_000;

export const memoryStore = createStore<MemoryView>()(() => noMemory);

/** Starts polling; returns the function that stops it. A failed call keeps the last figures rather than showing none. */
export function startMemory(): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async () => {
    if (stopped) return;
    if (document.visibilityState === "visible") {
      const result = await callControl("metrics");
      if (!stopped && result.ok) memoryStore.setState(memoryOf(result.data), true);
    }
    if (!stopped) timer = setTimeout(() => void poll(), MEMORY_POLL_MS);
  };
  void poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
