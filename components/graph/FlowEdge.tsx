"use client";
// One arrow of the graph: a REST call, an in-process call inside the monolith, or a publish/consume path, as thick as
// its recent rate, with its dots, its circuit breaker's state when not closed, and a cut when a partition is in force.
import { memo } from "react";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { useStore } from "zustand";
import { dotsStore } from "../../lib/client/stores/dots-store";
import { partitionedEdges } from "../../lib/client/fault-badges";
import { metricsStore } from "../../lib/client/stores/metrics-store";
import { formatRate } from "../../lib/client/metrics";
import { highlightStore } from "../../lib/client/stores/highlight-store";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { restEdgeId } from "../../lib/client/topology";
import { EdgeDot } from "./EdgeDot";

const NO_DOTS: never[] = [];

/** Thicker with more traffic, on a log scale so 1/s and 200/s both read. */
export const strokeWidthFor = (rps: number) => 1.5 + Math.min(5, Math.log2(1 + rps));

const CIRCUIT_TEXT = { open: "⊘ circuit open", "half-open": "◐ circuit half-open" } as const;

function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data }: EdgeProps) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const dots = useStore(dotsStore, (state) => state.byEdge[id] ?? NO_DOTS);
  const rate = useStore(metricsStore, (summary) => summary.edges[id] ?? 0);
  const inTrace = useStore(highlightStore, (highlight) => (highlight.edges ? highlight.edges.has(id) : null));
  const circuit = useStore(sandboxStore, (view) => view.circuits[id] ?? null);
  const kind = (data?.kind as string | undefined) ?? "rest";
  const partitioned = useStore(sandboxStore, (view) => kind === "rest" && partitionedEdges(view.sandbox?.faults ?? [], restEdgeId).has(id));
  const inProcess = data?.stack === "monolith";
  const className = `flow-edge edge-${kind}${inTrace ? " in-trace" : ""}${inTrace === false ? " dimmed" : ""}${partitioned ? " partitioned" : ""}${circuit ? ` circuit-${circuit.state}` : ""}`;
  // A short arrow between neighbours has no room for words: the caller's box carries them (CircuitBadges, FaultBadges).
  // Queue arrows crowd the space above the band: their rates are written in the queue's own box (QueueNode) instead.
  const labelled = !data?.sideways && (kind === "rest" || kind === "in-process") && (rate >= 0.1 || circuit || partitioned);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={className} style={{ strokeWidth: inTrace ? Math.max(4, strokeWidthFor(rate)) : strokeWidthFor(rate) }} />
      <g className="edge-dots" data-edge={id} data-dots={dots.length}>
        {dots.map((dot) => (
          <EdgeDot key={dot.id} path={path} outcome={dot.outcome} inProcess={inProcess} />
        ))}
      </g>
      {labelled && (
        <EdgeLabelRenderer>
          <div className={`edge-labels${inTrace === false ? " dimmed" : ""}`} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {partitioned && (
              <span className="edge-badge edge-partition" data-partition={id} title="a partition is in force: no calls pass between these two">
                ✂ partition
              </span>
            )}
            {circuit && (
              <span className={`edge-badge edge-circuit circuit-${circuit.state}`} data-circuit={id} data-circuit-state={circuit.state} title={circuit.reason}>
                {CIRCUIT_TEXT[circuit.state]}
              </span>
            )}
            {rate >= 0.1 && (
              <span className="edge-rate" data-edge-rate={id}>
                {formatRate(rate)}
              </span>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
