// The four live charts of the Compare screen, and the legend saying which line is which stack.
import type { ComparePoint, CompareSeries } from "../../lib/client/compare-series";
import { MAX_POINTS, STACKS } from "../../lib/client/compare-series";
import { formatMs, formatPercent, formatRps } from "../../lib/client/compare-format";
import { LineChart } from "./LineChart";
import { STACK_STYLE } from "./stack-style";

const SPAN_MS = MAX_POINTS * 1_000;

export function CompareCharts({ series }: { series: CompareSeries }) {
  const newest = Math.max(0, ...STACKS.map((stack) => series[stack].at(-1)?.at ?? 0));
  const lines = (read: (point: ComparePoint) => number | null) => STACKS.map((stack) => ({ stack, points: series[stack].map((point) => ({ at: point.at, value: read(point) })) }));
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
        <span className="muted small">what shoppers see at the storefront, over the last 10 s, read every second</span>
      </div>
      <div className="chart-grid-layout">
        <LineChart title="Latency p50" lines={lines((point) => point.p50Ms)} format={formatMs} floor={10} {...common} />
        <LineChart title="Latency p95" lines={lines((point) => point.p95Ms)} format={formatMs} floor={10} {...common} />
        <LineChart title="Error rate" lines={lines((point) => point.errorRate)} format={formatPercent} floor={0.01} {...common} />
        <LineChart title="Throughput" lines={lines((point) => point.rps)} format={formatRps} floor={10} {...common} />
      </div>
    </section>
  );
}
