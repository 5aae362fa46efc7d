// The Compare screen's live history: one point per stack per poll of GET /api/compare, the newest 60 kept.
import type { Comparison } from "../contract/compare";
import type { StackId } from "../contract/events";

/** A minute at one poll a second: enough to see a redeploy or a kill come and go, small enough to redraw each second. */
export const MAX_POINTS = 60;

export interface ComparePoint {
  /** When the figures were read, ms since the epoch. */
  at: number;
  /** Null when the stack was not running then: the line breaks instead of dropping to zero. */
  p50Ms: number | null;
  p95Ms: number | null;
  /** Share of shoppers' requests that failed, 0..1. */
  errorRate: number | null;
  rps: number | null;
}

export type CompareSeries = Record<StackId, ComparePoint[]>;

export const STACKS: readonly StackId[] = ["microservices", "monolith"];

export const emptySeries = (): CompareSeries => ({ microservices: [], monolith: [] });

/** Adds one reading of both stacks; returns new arrays (old ones untouched), each at most `limit` long. */
export function addReading(series: CompareSeries, comparison: Comparison, at: number, limit: number = MAX_POINTS): CompareSeries {
  const next = { ...series };
  for (const stack of STACKS) {
    const figures = comparison.stacks.find((candidate) => candidate.stack === stack);
    const point: ComparePoint =
      figures?.running && figures.figures
        ? { at, p50Ms: figures.figures.p50Ms, p95Ms: figures.figures.p95Ms, errorRate: figures.figures.errorRate, rps: figures.figures.rps }
        : { at, p50Ms: null, p95Ms: null, errorRate: null, rps: null };
    const points = [...series[stack], point];
    next[stack] = points.length > limit ? points.slice(points.length - limit) : points;
  }
  return next;
}
