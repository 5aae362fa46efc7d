// The measured figures side by side: processes, memory, latency, errors, the last redeploy's cost and the last failure's reach.
import type { ReactNode } from "react";
import type { Comparison, StackComparison } from "../../lib/contract/compare";
import { formatBytes, formatDuration, formatMs, formatPercent, formatRps } from "../../lib/client/compare-format";
import { STACK_STYLE } from "./stack-style";

type Row = { key: string; label: string; hint?: string; read(stack: StackComparison): ReactNode };

const figure = (read: (figures: NonNullable<StackComparison["figures"]>) => string) => (stack: StackComparison) => (stack.running && stack.figures ? read(stack.figures) : "–");

const ROWS: Row[] = [
  { key: "running", label: "Running", read: (stack) => (stack.running ? "● yes" : "■ no") },
  { key: "processes", label: "Processes", hint: "operating-system processes, the broker included", read: figure((f) => String(f.processes)) },
  { key: "memory", label: "Memory", hint: "resident memory of all its processes", read: figure((f) => formatBytes(f.rssBytes)) },
  { key: "cpu", label: "CPU", read: figure((f) => `${Math.round(f.cpuPercent)} %`) },
  { key: "rps", label: "Requests", hint: "shoppers' requests per second", read: figure((f) => formatRps(f.rps)) },
  { key: "p50", label: "Latency p50", read: figure((f) => formatMs(f.p50Ms)) },
  { key: "p95", label: "Latency p95", read: figure((f) => formatMs(f.p95Ms)) },
  { key: "errors", label: "Error rate", read: figure((f) => formatPercent(f.errorRate)) },
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
          <span className={r.unavailableMs > 0 ? "bad-text" : "ok-text"}>
            {r.unavailableMs > 0 ? `✕ shop unavailable ${formatDuration(r.unavailableMs)}` : "✓ never unavailable"}
          </span>
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
          <span className={f.failedFeatures.length > 0 ? "bad-text" : "ok-text"}>
            {f.failedFeatures.length > 0 ? `✕ failed: ${f.failedFeatures.join(", ")}` : "✓ no feature failed"}
          </span>
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
];

export function CompareTable({ comparison }: { comparison: Comparison | null }) {
  const stacks = comparison?.stacks ?? [];
  return (
    <table className="compare-table">
      <caption>Measured now (last 10 s), and the cost of the last redeploy and failure</caption>
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
      <tbody>
        {ROWS.map((row) => (
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
    </table>
  );
}
