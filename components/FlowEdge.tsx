"use client";
// One arrow of the graph: a REST dependency or a publish/consume path, as thick as its recent rate, with its dots.
import { memo } from "react";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { useStore } from "zustand";
import { dotsStore } from "../lib/client/dots";
import { metricsStore } from "../lib/client/metrics-store";
import { formatRate } from "../lib/client/metrics";
import { highlightStore } from "../lib/client/selection";
import { EdgeDot } from "./EdgeDot";

const NO_DOTS: never[] = [];

/** Thicker with more traffic, on a log scale so 1/s and 200/s both read. */
export const strokeWidthFor = (rps: number) => 1.5 + Math.min(5, Math.log2(1 + rps));

function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data }: EdgeProps) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const dots = useStore(dotsStore, (state) => state.byEdge[id] ?? NO_DOTS);
  const rate = useStore(metricsStore, (summary) => summary.edges[id] ?? 0);
  const inTrace = useStore(highlightStore, (highlight) => (highlight.edges ? highlight.edges.has(id) : null));
  const kind = (data?.kind as string | undefined) ?? "rest";
  const className = `flow-edge edge-${kind}${inTrace ? " in-trace" : ""}${inTrace === false ? " dimmed" : ""}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={className} style={{ strokeWidth: inTrace ? Math.max(4, strokeWidthFor(rate)) : strokeWidthFor(rate) }} />
      <g className="edge-dots" data-edge={id} data-dots={dots.length}>
        {dots.map((dot) => (
          <EdgeDot key={dot.id} path={path} outcome={dot.outcome} />
        ))}
      </g>
      {rate >= 0.1 && (
        <EdgeLabelRenderer>
          <div className={`edge-rate${inTrace === false ? " dimmed" : ""}`} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} data-edge-rate={id}>
            {formatRate(rate)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
