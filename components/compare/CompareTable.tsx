// The measured figures side by side: what shoppers got (measured at the storefront), what the processes cost and say
// of themselves, the last redeploy's cost and the last failure's reach in this experiment.
import type { ReactNode } from "react";
import type { Comparison, StackComparison } from "../../lib/contract/compare";
import { formatBytes, formatDuration, formatMs, formatPercent, formatRps } from "../../lib/client/compare-format";
import { STACK_STYLE } from "./stack-style";

type Row = { key: string; label: string; hint?: string; read(stack: StackComparison): ReactNode };
type Section = { heading: string; rows: Row[] };
type Figures = NonNullable<StackComparison["figures"]>;

const figure = (read: (figures: Figures) => ReactNode) => (stack: StackComparison) => (stack.running && stack.figures ? read(stack.figures) : "–");
/** A shopper figure: a dead stack says so; one with no traffic says that, rather than show a zero as if measured. */
const shopperFigure = (read: (figures: Figures) => ReactNode) =>
  figure((figures) => (figures.shoppers.requests === 0 ? <span className="muted">{figures.up ? "no traffic" : "down"}</span> : read(figures)));

function status(stack: StackComparison): ReactNode {
  if (!stack.running) return <span className="muted">■ not running</span>;
  if (!stack.up) return <strong className="bad-text">✕ down: shoppers cannot reach it</strong>;
  return <span className="ok-text">● up</span>;
}

const SECTIONS: Section[] = [
  {
    heading: "What shoppers got — measured at the storefront, last 5 s",
    rows: [
      { key: "running", label: "Shop", read: status },
      { key: "throughput", label: "Throughput", hint: "shoppers' requests answered without failing, per second", read: shopperFigure((f) => formatRps(f.shoppers.answeredRps)) },
      { key: "rps", label: "Requests sent", hint: "shoppers' requests per second, answered or not", read: shopperFigure((f) => formatRps(f.shoppers.rps)) },
      {
        key: "errors",
        label: "Failed",
        hint: "no answer, or a 5xx",
        read: shopperFigure((f) => (
          <span className={f.shoppers.failed > 0 ? "bad-text" : undefined}>
            {formatPercent(f.shoppers.errorRate)} ({f.shoppers.failed} of {f.shoppers.requests})
          </span>
        )),
      },
      { key: "p50", label: "Latency p50", hint: "of the answers that did not fail", read: shopperFigure((f) => formatMs(f.shoppers.p50Ms)) },
      { key: "p95", label: "Latency p95", read: shopperFigure((f) => formatMs(f.shoppers.p95Ms)) },
      {
        key: "features",
        label: "p95 by feature",
        read: shopperFigure((f) => (f.shoppers.features.filter((feature) => feature.p95Ms !== null).map((feature) => `${feature.feature} ${formatMs(feature.p95Ms)}`).join(" · ") || "–")),
      },
      {
        key: "slowed",
        label: "Slowed by a fault",
        hint: "features whose p95 at least doubled since the fault",
        read: ({ slowed }) =>
          slowed ? (
            slowed.features.length > 0 ? (
              <span className="bad-text">✕ {slowed.features.map((feature) => `${feature.feature} ${formatMs(feature.beforeP95Ms)} → ${formatMs(feature.nowP95Ms)}`).join(" · ")}</span>
            ) : (
              <span className="ok-text">✓ nothing slowed</span>
            )
          ) : (
            <span className="muted">no slowing fault</span>
          ),
      },
    ],
  },
  {
    heading: "The processes",
    rows: [
      { key: "processes", label: "Processes", hint: "operating-system processes, the broker included", read: figure((f) => String(f.processes)) },
      {
        key: "memory",
        label: "Memory",
        hint: "resident memory of all its processes",
        read: (stack) =>
          stack.running && stack.figures ? (
            <>
              {formatBytes(stack.figures.rssBytes)}
              {stack.scaled.map((scaled) => (
                <span key={scaled.service} className="muted small row-hint">
                  {scaled.service === "monolith" ? "whole copies" : scaled.service}: {scaled.processes} × {formatBytes(scaled.perCopyBytes)} = {formatBytes(scaled.rssBytes)}
                </span>
              ))}
            </>
          ) : (
            "–"
          ),
      },
      { key: "cpu", label: "CPU", read: figure((f) => `${Math.round(f.cpuPercent)} %`) },
      {
        key: "own-timing",
        label: "Entry process's own timing",
        hint: "p50 / p95 as the gateway or monolith times itself: misses time spent waiting on a blocked event loop, and says nothing once it is dead",
        read: figure((f) =>
          !f.up ? <span className="bad-text">✕ dead: it times nothing</span> : f.processView.p50Ms === null ? <span className="muted">nothing timed</span> : `${formatMs(f.processView.p50Ms)} / ${formatMs(f.processView.p95Ms)}`,
        ),
      },
    ],
  },
  {
    heading: "This experiment",
    rows: [
      {
        key: "redeploy",
        label: "Last redeploy",
        hint: "shoppers' requests that failed while it ran, and the longest stretch when every request failed",
        read: ({ lastRedeploy: r }) =>
          r ? (
            <>
              {r.service} ({r.strategy}){r.endedAt === null ? ", under way" : ""}
              <br />
              <span className={r.failed > 0 ? "bad-text" : "ok-text"}>
                {r.failed > 0 ? "✕" : "✓"} {r.failed} of {r.requests} requests failed
              </span>
              <br />
              <span className={r.unavailableMs > 0 ? "bad-text" : "ok-text"}>{r.unavailableMs > 0 ? `✕ shop unavailable ${formatDuration(r.unavailableMs)}` : "✓ never unavailable"}</span>
            </>
          ) : (
            <span className="muted">none yet</span>
          ),
      },
      {
        key: "failure",
        label: "Last failure",
        hint: "which shopper features failed since, and which kept working",
        read: ({ lastFailure: f }) =>
          f ? (
            <>
              {f.what}
              <br />
              <span className={f.failedFeatures.length > 0 ? "bad-text" : "ok-text"}>{f.failedFeatures.length > 0 ? `✕ failed: ${f.failedFeatures.join(", ")}` : "✓ no feature failed"}</span>
              <br />
              <span className="muted">{f.workingFeatures.length > 0 ? `✓ kept working: ${f.workingFeatures.join(", ")}` : "nothing kept working"}</span>
              <br />
              <span className="muted small">
                {f.failed} of {f.requests} requests failed
              </span>
            </>
          ) : (
            <span className="muted">none yet</span>
          ),
      },
    ],
  },
];

const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function CompareTable({ comparison }: { comparison: Comparison | null }) {
  const stacks = comparison?.stacks ?? [];
  return (
    <table className="compare-table">
      <caption>
        Measured now, and the cost of the last redeploy and failure
        {comparison?.experimentSince ? <span className="muted small"> — this experiment began at {clock(comparison.experimentSince)}</span> : null}
      </caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          {stacks.map((stack) => (
            <th scope="col" key={stack.stack} className={STACK_STYLE[stack.stack].className}>
              {stack.stack}
            </th>
          ))}
        </tr>
      </thead>
      {SECTIONS.map((section) => (
        <tbody key={section.heading}>
          <tr className="compare-section">
            <th scope="colgroup" colSpan={stacks.length + 1}>
              {section.heading}
            </th>
          </tr>
          {section.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
                {row.hint && <span className="muted small row-hint">{row.hint}</span>}
              </th>
              {stacks.map((stack) => (
                <td key={stack.stack} data-compare={`${stack.stack}:${row.key}`}>
                  {row.read(stack)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
