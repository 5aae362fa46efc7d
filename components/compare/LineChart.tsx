// One live line chart in SVG: the last minute of a figure, one line per stack, its axis top and latest values in text.
import type { StackId } from "../../lib/contract/events";
import { largestValue, linePath, niceCeiling, type XY } from "../../lib/client/chart-scale";
import { STACK_STYLE } from "./stack-style";

const WIDTH = 600;
const HEIGHT = 160;

interface Props {
  title: string;
  lines: Array<{ stack: StackId; points: XY[] }>;
  /** The newest value of each line in words ("12 ms", "down: no answers", "no traffic"). */
  latest: Array<{ stack: StackId; text: string }>;
  format(value: number): string;
  /** The smallest axis top, so near-zero noise does not fill the chart. */
  floor: number;
  spanMs: number;
  now: number;
}

export function LineChart({ title, lines, latest, format, floor, spanMs, now }: Props) {
  const yMax = niceCeiling(largestValue(lines.map((line) => line.points)), floor);
  const box = { width: WIDTH, height: HEIGHT, spanMs, now, yMax };
  return (
    <figure className="chart" data-chart={title}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-latest">
          {latest.map(({ stack, text }) => (
            <span key={stack} className={STACK_STYLE[stack].className} data-latest={stack}>
              {stack === "microservices" ? "micro" : "mono"} {text}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="chart-plot">
        <span className="chart-axis top">{format(yMax)}</span>
        <span className="chart-axis bottom">0</span>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={`${title}, last ${Math.round(spanMs / 1000)} seconds: ${latest.map(({ stack, text }) => `${stack} ${text}`).join(", ")}`}>
          <line className="chart-grid" x1={0} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} vectorEffect="non-scaling-stroke" />
          <line className="chart-grid" x1={0} x2={WIDTH} y1={0} y2={0} vectorEffect="non-scaling-stroke" />
          {lines.map(({ stack, points }) => (
            <path key={stack} d={linePath(points, box)} className={`chart-line ${STACK_STYLE[stack].className}`} strokeDasharray={STACK_STYLE[stack].dash} vectorEffect="non-scaling-stroke" />
          ))}
        </svg>
        <span className="chart-axis left-time">−{Math.round(spanMs / 1000)} s</span>
        <span className="chart-axis right-time">now</span>
      </div>
    </figure>
  );
}
