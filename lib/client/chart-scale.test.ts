// The charts' scale: a round axis top, the newest point at the right edge, gaps lifted, values clamped.
import { describe, expect, it } from "vitest";
import { largestValue, linePath, niceCeiling } from "./chart-scale";

describe("chart scaling", () => {
  it("rounds the axis top up to 1, 2 or 5 × 10ⁿ, never below the floor", () => {
    expect(niceCeiling(187.3)).toBe(200);
    expect(niceCeiling(201)).toBe(500);
    expect(niceCeiling(1000)).toBe(1000);
    expect(niceCeiling(0.031, 0.01)).toBe(0.05);
    expect(niceCeiling(0, 10)).toBe(10);
    expect(niceCeiling(3, 10)).toBe(10);
  });

  it("draws the newest point at the right edge and lifts the pen over a gap", () => {
    const box = { width: 100, height: 50, spanMs: 10_000, now: 10_000, yMax: 10 };
    const path = linePath(
      [
        { at: 0, value: 0 },
        { at: 5_000, value: 10 },
        { at: 6_000, value: null },
        { at: 10_000, value: 5 },
      ],
      box,
    );
    expect(path).toBe("M0.0 50.0 L50.0 0.0 M100.0 25.0");
  });

  it("clamps values above the axis and leaves out points older than the span", () => {
    const box = { width: 100, height: 50, spanMs: 1_000, now: 5_000, yMax: 10 };
    expect(linePath([{ at: 0, value: 3 }, { at: 5_000, value: 99 }], box)).toBe("M100.0 0.0");
  });

  it("finds the largest value across series, ignoring gaps", () => {
    expect(largestValue([[{ at: 0, value: null }, { at: 1, value: 4 }], [{ at: 0, value: 7 }]])).toBe(7);
    expect(largestValue([])).toBe(0);
  });
});
