"use client";
// The selected trace as a waterfall: every HTTP hop and queue wait of one request or order, on one time line.
import { useMemo } from "react";
import { useStore } from "zustand";
import { traceSize, traceSpans, traceStore } from "../../lib/client/stores/trace-store";
import { formatMs } from "../../lib/client/metrics";
import { uiStore } from "../../lib/client/stores/ui-store";
import { useSelectedTraceId } from "../graph/TraceHighlighter";

const KIND_LABEL = { http: "HTTP", "queue-wait": "waits", "queue-work": "job", db: "SQL" } as const;

export function TraceInspector() {
  const selection = useStore(uiStore, (view) => view.selection);
  const traceId = useSelectedTraceId();
  const size = useStore(traceStore, (state) => (traceId ? traceSize(state, traceId) : 0));
  const spans = useMemo(() => (traceId ? traceSpans(traceStore.getState().index.traces.get(traceId) ?? []) : []), [traceId, size]);
  const title = selection?.kind === "order" ? `Order ${selection.orderId}` : selection?.kind === "trace" ? selection.title : "Trace";

  if (!traceId || spans.length === 0) {
    return (
      <div className="trace-inspector">
        <h2>{title}</h2>
        <p className="muted" aria-busy="true">
          {traceId
            ? `Trace ${traceId.slice(0, 8)}…: waiting for its events (or they are no longer kept on this page).`
            : "Waiting for the order's events: the trace is known once its first queue job is published."}
        </p>
      </div>
    );
  }
  const start = Math.min(...spans.map((span) => span.start));
  const end = Math.max(...spans.map((span) => span.end));
  const total = Math.max(1, end - start);
  return (
    <div className="trace-inspector" data-trace={traceId}>
      <h2>{title}</h2>
      <p className="muted">
        {spans.length} hops over {formatMs(total)} · trace {traceId.slice(0, 8)}… · highlighted on the graph
      </p>
      <ol className="waterfall" aria-label="hops of the trace, in the order they started">
        {spans.map((span) => (
          <li key={span.key} className={`span span-${span.kind} outcome-${span.outcome}`} data-span-kind={span.kind}>
            <div className="span-label" style={{ paddingLeft: `${Math.min(span.depth, 4) * 0.6}rem` }}>
              <span className="span-kind">{KIND_LABEL[span.kind]}</span> {span.label}
            </div>
            <div className="span-track" aria-hidden="true">
              <div
                className="span-bar"
                style={{ left: `${((span.start - start) / total) * 100}%`, width: `max(2px, ${((span.end - span.start) / total) * 100}%)` }}
              />
            </div>
            <div className="span-duration">{formatMs(span.end - span.start)}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}
