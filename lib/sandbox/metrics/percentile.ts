// Percentiles of a set of measurements, by the nearest-rank method: the answer is always one of the measurements.

/** The p-th percentile (0 < p ≤ 100) of values sorted ascending; null when there are none. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** p50 and p95 of unsorted values, rounded to 0.1 ms; nulls when there are none. */
export function latencySummary(values: number[]): { p50Ms: number | null; p95Ms: number | null } {
  const sorted = Float64Array.from(values).sort();
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return { p50Ms: round(percentileOfSorted(sorted, 50)), p95Ms: round(percentileOfSorted(sorted, 95)) };
}
