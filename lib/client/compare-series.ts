// The Compare screen's live history: one point per stack per poll of GET /api/compare, the newest 60 kept.
import type { Comparison } from "../contract/compare";
import type { StackId } from "../contract/events";

/** A minute at one poll a second: enough to see a redeploy or a kill come and go, small enough to redraw each second. */
export const MAX_POINTS = 60;

/** What a stack was doing when read: each says something different, and none may pass for another. */
export type PointState = "measured" | "no traffic" | "down" | "not running";

export interface ComparePoint {
  /** When the figures were read, ms since the epoch. */
  at: number;
  state: PointState;
  /** Shoppers' latency of the answers that did not fail; null when none succeeded (the line breaks). */
  p50Ms: number | null;
  p95Ms: number | null;
  /** Share of shoppers' requests that failed, 0..1: a dead stack under traffic reads 1, not a gap. */
  errorRate: number | null;
  /** Throughput: shoppers' requests answered without failing, per second; a dead stack's falls to 0, it never reads as sent. */
  rps: number | null;
}

export type CompareSeries = Record<StackId, ComparePoint[]>;

export const STACKS: readonly StackId[] = ["microservices", "monolith"];

export const emptySeries = (): CompareSeries => ({ microservices: [], monolith: [] });

function pointOf(comparison: Comparison, stack: StackId, at: number): ComparePoint {
  const compared = comparison.stacks.find((candidate) => candidate.stack === stack);
  const shoppers = compared?.figures?.shoppers;
  if (!compared?.running || !shoppers) return { at, state: "not running", p50Ms: null, p95Ms: null, errorRate: null, rps: null };
  const state: PointState = !compared.up ? "down" : shoppers.requests === 0 ? "no traffic" : "measured";
  if (shoppers.requests === 0) return { at, state, p50Ms: null, p95Ms: null, errorRate: null, rps: 0 };
  // A dead stack's latency is that of answers from before it died: its lines break rather than go on as if it answered.
  if (state === "down") return { at, state, p50Ms: null, p95Ms: null, errorRate: shoppers.errorRate, rps: shoppers.answeredRps };
  return { at, state, p50Ms: shoppers.p50Ms, p95Ms: shoppers.p95Ms, errorRate: shoppers.errorRate, rps: shoppers.answeredRps };
}

/** Adds one reading of both stacks; returns new arrays (old ones untouched), each at most `limit` long. */
export function addReading(series: CompareSeries, comparison: Comparison, at: number, limit: number = MAX_POINTS): CompareSeries {
  const next = { ...series };
  for (const stack of STACKS) {
    const points = [...series[stack], pointOf(comparison, stack, at)];
    next[stack] = points.length > limit ? points.slice(points.length - limit) : points;
  }
  return next;
}
