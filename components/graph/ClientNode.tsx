"use client";
// The shoppers on the graph: browsers outside the shop, whose calls enter through the gateway (or the monolith's).
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { Handle, Position } from "@xyflow/react";
import { useInTrace } from "./ServiceNode";

function ClientNodeView({ id, data, selected }: NodeProps) {
  const inTrace = useInTrace(id);
  return (
    <div className={`graph-node client-node${selected ? " selected" : ""}${inTrace === false ? " dimmed" : ""}`} data-node={id} data-stack={String(data.stack)}>
      <Handle type="source" id="bottom" position={Position.Bottom} isConnectable={false} />
      <Handle type="source" id="right" position={Position.Right} isConnectable={false} />
      <span className="node-title">shoppers</span> <span className="muted">browsers, via the app</span>
    </div>
  );
}

export const ClientNode = memo(ClientNodeView);
