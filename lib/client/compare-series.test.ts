// The Compare screen's series: a dead stack reads as failing, not as a gap or a fast answer; idle and absent differ.
import { describe, expect, it } from "vitest";
import type { Comparison, StackComparison } from "../contract/compare";
import type { ShopperFigures, StackMetrics } from "../contract/control";
import { addReading, emptySeries } from "./compare-series";

const shoppers = (over: Partial<ShopperFigures> = {}): ShopperFigures => ({ windowS: 5, rps: 20, answeredRps: 19.8, requests: 100, failed: 1, errorRate: 0.01, p50Ms: 12, p95Ms: 40, features: [], ...over });
const figures = (stack: "microservices" | "monolith", seen: ShopperFigures): StackMetrics => ({ stack, up: true, rps: seen.rps, p50Ms: seen.p50Ms, p95Ms: seen.p95Ms, errorRate: seen.errorRate, shoppers: seen, processView: { rps: 20, p50Ms: 1, p95Ms: 2, errorRate: 0 }, cpuPercent: 30, rssBytes: 1e8, processes: 8 });
const stack = (id: "microservices" | "monolith", over: Partial<StackComparison> = {}, seen = shoppers()): StackComparison => ({ stack: id, running: true, up: true, figures: figures(id, seen), scaled: [], slowed: null, lastRedeploy: null, lastFailure: null, ...over });
const comparison = (...stacks: StackComparison[]): Comparison => ({ stacks, experimentSince: null, reading: [] });

describe("the Compare screen's series", () => {
  it("adds one point per stack per reading, a gap for a stack that is not running", () => {
    const series = addReading(emptySeries(), comparison(stack("microservices"), stack("monolith", { running: false, up: false, figures: null })), 1_000);
    expect(series.microservices).toEqual([{ at: 1_000, state: "measured", p50Ms: 12, p95Ms: 40, errorRate: 0.01, rps: 19.8 }]);
    expect(series.monolith).toEqual([{ at: 1_000, state: "not running", p50Ms: null, p95Ms: null, errorRate: null, rps: null }]);
  });

  it("shows a dead stack under traffic as down and failing every request, with no latency", () => {
    const dead = stack("monolith", { up: false }, shoppers({ rps: 50, answeredRps: 0, failed: 100, errorRate: 1, p50Ms: null, p95Ms: null }));
    const [point] = addReading(emptySeries(), comparison(stack("microservices"), dead), 1_000).monolith;
    // Throughput is what was answered: a dead stack's requests sent (50/s) never read as its throughput.
    expect(point).toEqual({ at: 1_000, state: "down", p50Ms: null, p95Ms: null, errorRate: 1, rps: 0 });
  });

  it("draws no latency for a stack just killed, though its window still holds answers from before", () => {
    const justKilled = stack("monolith", { up: false }, shoppers({ rps: 50, answeredRps: 30, failed: 40, errorRate: 0.4, p50Ms: 6, p95Ms: 9 }));
    const [point] = addReading(emptySeries(), comparison(stack("microservices"), justKilled), 1_000).monolith;
    expect(point).toMatchObject({ state: "down", p50Ms: null, p95Ms: null, rps: 30 });
  });

  it("tells a running stack with no traffic from one that is not running", () => {
    const idle = stack("microservices", {}, shoppers({ rps: 0, requests: 0, failed: 0, errorRate: 0, p50Ms: null, p95Ms: null }));
    expect(addReading(emptySeries(), comparison(idle), 1_000).microservices[0].state).toBe("no traffic");
  });

  it("keeps only the newest points, and leaves the previous series untouched", () => {
    let series = emptySeries();
    const first = series;
    for (let second = 1; second <= 70; second++) series = addReading(series, comparison(stack("microservices", {}, shoppers({ answeredRps: second })), stack("monolith", {}, shoppers({ answeredRps: second }))), second * 1_000);
    expect(series.microservices).toHaveLength(60);
    expect(series.microservices[0].rps).toBe(11);
    expect(series.monolith.at(-1)?.rps).toBe(70);
    expect(first.microservices).toHaveLength(0);
    expect(addReading(series, comparison(stack("monolith")), 0, 5).monolith).toHaveLength(5);
  });
});
