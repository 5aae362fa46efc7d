// The four live charts of the Compare screen, and the legend saying which line is which stack.
import type { ComparePoint, CompareSeries } from "../../lib/client/compare-series";
import { MAX_POINTS, STACKS } from "../../lib/client/compare-series";
import { formatMs, formatPercent, formatRps } from "../../lib/client/compare-format";
import { LineChart } from "./LineChart";
import { STACK_STYLE } from "./stack-style";

const SPAN_MS = MAX_POINTS * 1_000;

/** The newest value in words; a stack that is down, idle or absent says so rather than showing a number it lacks. */
function latestText(point: ComparePoint | undefined, value: number | null, format: (value: number) => string): string {
  if (!point || point.state === "not running") return "not running";
  if (point.state === "no traffic") return "no traffic";
  if (value !== null) return point.state === "down" ? `${format(value)} (down)` : format(value);
  return point.state === "down" ? "down: no answers" : "no successful answer";
}

export function CompareCharts({ series }: { series: CompareSeries }) {
  const newest = Math.max(0, ...STACKS.map((stack) => series[stack].at(-1)?.at ?? 0));
  const chart = (read: (point: ComparePoint) => number | null, format: (value: number) => string) => ({
    lines: STACKS.map((stack) => ({ stack, points: series[stack].map((point) => ({ at: point.at, value: read(point) })) })),
    latest: STACKS.map((stack) => {
      const point = series[stack].at(-1);
      return { stack, text: latestText(point, point ? read(point) : null, format) };
    }),
    format,
  });
  const common = { spanMs: SPAN_MS, now: newest };
  return (
    <section className="compare-charts" aria-label="Live charts, the last minute">
      <div className="chart-legend" aria-label="Legend">
        {STACKS.map((stack) => (
          <span key={stack} className={STACK_STYLE[stack].className}>
            <svg width="36" height="10" aria-hidden="true">
              <line x1="0" x2="36" y1="5" y2="5" className="chart-line" strokeDasharray={STACK_STYLE[stack].dash} />
            </svg>
            {STACK_STYLE[stack].label}
          </span>
        ))}
        <span className="muted small">what shoppers got, measured at the storefront over the last 5 s; latency of the answers that did not fail; throughput counts only those answers</span>
      </div>
      <div className="chart-grid-layout">
        <LineChart title="Latency p50" {...chart((point) => point.p50Ms, formatMs)} floor={10} {...common} />
        <LineChart title="Latency p95" {...chart((point) => point.p95Ms, formatMs)} floor={10} {...common} />
        <LineChart title="Error rate" {...chart((point) => point.errorRate, formatPercent)} floor={0.01} {...common} />
        <LineChart title="Throughput" {...chart((point) => point.rps, formatRps)} floor={10} {...common} />
      </div>
    </section>
  );
}
