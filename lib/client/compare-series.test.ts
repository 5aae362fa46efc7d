import { describe, expect, it } from "vitest";
import type { Comparison } from "../contract/compare";
import { addReading, emptySeries } from "./compare-series";

const figures = (rps: number) => ({ stack: "microservices" as const, rps, p50Ms: 12, p95Ms: 40, errorRate: 0.01, cpuPercent: 30, rssBytes: 1e8, processes: 8 });

const comparison = (rps: number, monolithRunning: boolean): Comparison => ({
  stacks: [
    { stack: "microservices", running: true, figures: figures(rps), lastRedeploy: null, lastFailure: null },
    { stack: "monolith", running: monolithRunning, figures: monolithRunning ? { ...figures(rps), stack: "monolith" } : null, lastRedeploy: null, lastFailure: null },
  ],
  reading: [],
});

describe("the Compare screen's series", () => {
  it("adds one point per stack per reading, a gap for a stack that is not running", () => {
    const series = addReading(emptySeries(), comparison(20, false), 1_000);
    expect(series.microservices).toEqual([{ at: 1_000, p50Ms: 12, p95Ms: 40, errorRate: 0.01, rps: 20 }]);
    expect(series.monolith).toEqual([{ at: 1_000, p50Ms: null, p95Ms: null, errorRate: null, rps: null }]);
  });

  it("keeps only the newest points, and leaves the previous series untouched", () => {
    let series = emptySeries();
    const first = series;
    for (let second = 1; second <= 70; second++) series = addReading(series, comparison(second, true), second * 1_000);
    expect(series.microservices).toHaveLength(60);
    expect(series.microservices[0].rps).toBe(11);
    expect(series.monolith.at(-1)?.rps).toBe(70);
    expect(first.microservices).toHaveLength(0);
    expect(addReading(series, comparison(1, true), 0, 5).monolith).toHaveLength(5);
  });
});
