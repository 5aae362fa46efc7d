// A sliding window of measurements: rate, error share and percentiles of the last seconds, older ones forgotten.
import { describe, expect, it } from "vitest";
import { SlidingWindow } from "./sliding-window";

const T0 = 1_700_000_000_000;

describe("a sliding window of measurements", () => {
  it("gives the rate, the error share and the latency percentiles of the last seconds", () => {
    const window = new SlidingWindow({ windowMs: 10_000, maxSamples: 1_000 });
    for (let index = 0; index < 100; index++) window.record(T0 + index * 100, index + 1, index % 10 === 0);
    const stats = window.stats(T0 + 9_950);
    expect(stats.count).toBe(100);
    expect(stats.perSecond).toBeCloseTo(10, 5);
    expect(stats.errorRate).toBeCloseTo(0.1, 5);
    expect(stats).toMatchObject({ p50Ms: 50, p95Ms: 95 });
  });

  it("forgets what is older than the window", () => {
    const window = new SlidingWindow({ windowMs: 10_000, maxSamples: 1_000 });
    for (let index = 0; index < 50; index++) window.record(T0 + index * 100, 500, true);
    for (let index = 0; index < 50; index++) window.record(T0 + 20_000 + index * 100, 5, false);
    const stats = window.stats(T0 + 25_000);
    expect(stats.count).toBe(50);
    expect(stats.errorRate).toBe(0);
    expect(stats.p95Ms).toBe(5);
    expect(window.stats(T0 + 60_000)).toEqual({ count: 0, perSecond: 0, errorRate: 0, p50Ms: null, p95Ms: null });
  });

  it("keeps exact counts but only the latest durations when more arrive than it keeps", () => {
    const window = new SlidingWindow({ windowMs: 10_000, maxSamples: 10 });
    for (let index = 0; index < 1_000; index++) window.record(T0 + index * 5, index < 990 ? 1 : 1_000, false);
    const stats = window.stats(T0 + 5_000);
    expect(stats.count).toBe(1_000);
    expect(stats.p50Ms).toBe(1_000);
  });

  it("counts a measurement without a duration in the rate but not in the percentiles", () => {
    const window = new SlidingWindow({ windowMs: 10_000, maxSamples: 10 });
    window.record(T0, null, true);
    expect(window.stats(T0 + 1)).toMatchObject({ count: 1, errorRate: 1, p50Ms: null });
  });
});
