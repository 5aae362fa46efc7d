// The live figures per service and per arrow, recomputed once a second from the calls the page saw.
// Swap point: when the server offers /api/metrics, `startMetrics` can poll it instead and `recordForMetrics` go.
import { createStore } from "zustand/vanilla";
import type { TelemetryEvent } from "../../contract/events";
import { recordSamples, summarize, type MetricsSummary, type Sample } from "../metrics";

/** How often the figures refresh: often enough to feel live, rarely enough that the badges stay readable. */
export const METRICS_TICK_MS = 1000;

export const metricsStore = createStore<MetricsSummary>()(() => ({ nodes: {}, edges: {} }));

let samples: Sample[] = [];
/** False while the page shows a past moment: the figures keep being counted, but the past's are the ones shown. */
let shown = true;

export function setMetricsShown(on: boolean): void {
  shown = on;
}
let pending: TelemetryEvent[] = [];

/** Hands events to the metrics; they are folded in at the next tick, not per frame. */
export function recordForMetrics(events: readonly TelemetryEvent[]): void {
  for (const event of events) if (event.type === "http" || event.type === "queue") pending.push(event);
  // Bounded between ticks too: a tab in the background may not tick for a while.
  if (pending.length > 50_000) pending = pending.slice(pending.length - 50_000);
}

function tick(): void {
  const now = Date.now();
  samples = recordSamples(samples, pending, now);
  pending = [];
  if (shown) metricsStore.setState(summarize(samples, now), true);
}

/** Starts the ticker; returns the function that stops it. */
export function startMetrics(): () => void {
  tick();
  const timer = setInterval(tick, METRICS_TICK_MS);
  return () => clearInterval(timer);
}
