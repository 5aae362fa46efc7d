"use client";
// The monolith's in-process event bus: the band that holds its modules' inboxes, in the process's memory.
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { useInTrace } from "./ServiceNode";
import { BandCaption } from "./BandCaption";

function BusNodeView({ id, selected, positionAbsoluteX, positionAbsoluteY }: NodeProps) {
  const inTrace = useInTrace(id);
  return (
    <div className={`bus-node${selected ? " selected" : ""}${inTrace === false ? " dimmed" : ""}`} data-bus="monolith" data-stack="monolith">
      <span className="visually-hidden">event bus: in-process, in memory, what waits here dies with the process</span>
      <BandCaption band={id} x={positionAbsoluteX} y={positionAbsoluteY} className={`bus-label${inTrace === false ? " dimmed" : ""}`}>
        <span className="node-title">event bus</span> <span className="muted">in-process, in memory: what waits here dies with the process</span>
      </BandCaption>
    </div>
  );
}

export const BusNode = memo(BusNodeView);
