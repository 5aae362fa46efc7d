// Percentiles by nearest rank: one of the measurements, null when nothing was measured, numbers sorted as numbers.
import { describe, expect, it } from "vitest";
import { latencySummary, percentileOfSorted } from "./percentile";

describe("percentiles", () => {
  it("answers with one of the measurements, by nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentileOfSorted(sorted, 50)).toBe(50);
    expect(percentileOfSorted(sorted, 95)).toBe(95);
    expect(percentileOfSorted([7], 95)).toBe(7);
    expect(percentileOfSorted([1, 2], 50)).toBe(1);
  });

  it("says null rather than 0 when nothing was measured", () => {
    expect(percentileOfSorted([], 50)).toBeNull();
    expect(latencySummary([])).toEqual({ p50Ms: null, p95Ms: null });
  });

  it("sorts numbers as numbers, not as text", () => {
    expect(latencySummary([100, 9, 20, 3])).toEqual({ p50Ms: 9, p95Ms: 100 });
  });
});
