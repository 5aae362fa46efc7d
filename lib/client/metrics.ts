// Request rate, latency and error rate per service and per arrow, computed from the calls seen in a sliding window.
// The one place the page's metrics come from: a server-side /api/metrics can replace `summarize` later.
import type { TelemetryEvent } from "../contract/events";
import { MONOLITH_ID } from "../contract/services";
import { edgeForEvent, nodeIdIn } from "./topology";

/** How far back the figures look. Long enough to smooth bursts, short enough that a kill shows within seconds. */
export const METRICS_WINDOW_MS = 10_000;
/** Samples kept at most: 10 s of ~1,000 calls/s. Beyond it the oldest go first and the figures cover less time. */
export const MAX_SAMPLES = 20_000;

export interface Sample {
  ts: number;
  /** The graph arrow the event travelled, if any. */
  edge: string | null;
  /** The service that answered a REST call (null for queue events: they count for the arrow only). */
  server: string | null;
  durationMs: number;
  failed: boolean;
}

export interface NodeMetrics {
  /** Calls per second over the window, failed ones included: a box's load. */
  rps: number;
  /** Throughput: calls answered without failing, per second. */
  answeredRps: number;
  p50: number;
  p95: number;
  /** Share of calls that failed (5xx or no answer), 0..1. */
  errorRate: number;
  calls: number;
}

export interface MetricsSummary {
  nodes: Record<string, NodeMetrics>;
  /** Events per second along each arrow. */
  edges: Record<string, number>;
}

/**
 * The box a call's figures belong to: the microservice that answered, or inside the monolith the module that answered
 * ("monolith/order-service"). A shopper's call into the monolith is answered by its gateway module, as by the gateway
 * in the microservices, so the two compare hop for hop; the monolith's own box shows those same figures.
 */
export function serverNodeOf(event: TelemetryEvent & { type: "http" }): string {
  if (event.stack === "microservices") return event.to;
  return nodeIdIn(event.stack, event.to === MONOLITH_ID ? "api-gateway" : event.to);
}

/** Where the monolith's shopper-facing figures are kept: its gateway module's. */
export const MONOLITH_FIGURES = nodeIdIn("monolith", "api-gateway");

export function toSample(event: TelemetryEvent): Sample | null {
  if (event.type === "http") {
    return { ts: event.ts, edge: edgeForEvent(event), server: serverNodeOf(event), durationMs: event.durationMs, failed: event.status === 0 || event.status >= 500 };
  }
  const edge = edgeForEvent(event);
  if (!edge) return null;
  return { ts: event.ts, edge, server: null, durationMs: 0, failed: false };
}

/** Adds the batch's samples and forgets those older than the window; returns a new array. */
export function recordSamples(samples: readonly Sample[], events: readonly TelemetryEvent[], now: number, windowMs = METRICS_WINDOW_MS): Sample[] {
  const since = now - windowMs;
  const kept = samples.filter((sample) => sample.ts >= since);
  for (const event of events) {
    const sample = toSample(event);
    if (sample && sample.ts >= since) kept.push(sample);
  }
  return kept.length > MAX_SAMPLES ? kept.slice(kept.length - MAX_SAMPLES) : kept;
}

/** The value below which `p` percent of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly Sample[], now: number, windowMs = METRICS_WINDOW_MS): MetricsSummary {
  const since = now - windowMs;
  const seconds = windowMs / 1000;
  const durations = new Map<string, number[]>();
  const failures = new Map<string, number>();
  const edgeCounts = new Map<string, number>();
  for (const sample of samples) {
    if (sample.ts < since || sample.ts > now) continue;
    if (sample.edge) edgeCounts.set(sample.edge, (edgeCounts.get(sample.edge) ?? 0) + 1);
    if (!sample.server) continue;
    const list = durations.get(sample.server) ?? [];
    list.push(sample.durationMs);
    durations.set(sample.server, list);
    if (sample.failed) failures.set(sample.server, (failures.get(sample.server) ?? 0) + 1);
  }
  const nodes: Record<string, NodeMetrics> = {};
  for (const [server, list] of durations) {
    list.sort((a, b) => a - b);
    nodes[server] = {
      rps: list.length / seconds,
      answeredRps: (list.length - (failures.get(server) ?? 0)) / seconds,
      p50: percentile(list, 50),
      p95: percentile(list, 95),
      errorRate: (failures.get(server) ?? 0) / list.length,
      calls: list.length,
    };
  }
  const edges: Record<string, number> = {};
  for (const [edge, count] of edgeCounts) edges[edge] = count / seconds;
  return { nodes, edges };
}

/** "12/s", "0.4/s": short enough for a badge. */
export function formatRate(rps: number): string {
  if (rps >= 10) return `${Math.round(rps)}/s`;
  return `${rps.toFixed(1)}/s`;
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}
