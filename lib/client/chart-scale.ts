// The arithmetic of the Compare screen's line charts: a readable top for the axis, and SVG paths that break at gaps.

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least `floor`), so the axis reads "200 ms", not "187.3 ms". */
export function niceCeiling(value: number, floor = 1): number {
  const target = Math.max(value, floor);
  if (!Number.isFinite(target) || target <= 0) return floor;
  const power = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 5, 10]) if (step * power >= target - 1e-9) return step * power;
  return 10 * power;
}

export interface ChartBox {
  width: number;
  height: number;
  /** The time span the x axis covers, ending at `now`. */
  spanMs: number;
  now: number;
  yMax: number;
}

export interface XY {
  at: number;
  value: number | null;
}

/** An SVG path through the points, lifting the pen over nulls; points older than the span are left out. */
export function linePath(points: readonly XY[], box: ChartBox): string {
  const parts: string[] = [];
  let penDown = false;
  for (const point of points) {
    const age = box.now - point.at;
    if (point.value === null || !Number.isFinite(point.value) || age > box.spanMs) {
      penDown = false;
      continue;
    }
    const x = box.width * (1 - age / box.spanMs);
    const y = box.height * (1 - Math.min(Math.max(point.value, 0), box.yMax) / box.yMax);
    parts.push(`${penDown ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)}`);
    penDown = true;
  }
  return parts.join(" ");
}

/** The largest value among the series, ignoring gaps: what the axis must reach. */
export function largestValue(series: ReadonlyArray<readonly XY[]>): number {
  let largest = 0;
  for (const points of series) for (const point of points) if (point.value !== null && point.value > largest) largest = point.value;
  return largest;
}
