"use client";
// The broker on the graph: Redis, drawn as the band that holds the queues, with its own status.
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { STATUS_TONE } from "../../lib/client/status";
import { StatusBadge } from "./StatusBadge";
import { useInTrace, useProcessFacts } from "./ServiceNode";
import { BandCaption } from "./BandCaption";

function BrokerNodeView({ id, selected, positionAbsoluteX, positionAbsoluteY }: NodeProps) {
  const facts = useProcessFacts(id);
  const inTrace = useInTrace(id);
  const tone = facts.status ? STATUS_TONE[facts.status] : "down";
  return (
    <div
      className={`broker-node tone-${tone}${selected ? " selected" : ""}${inTrace === false ? " dimmed" : ""}`}
      data-service={id}
      data-stack="microservices"
      data-status={facts.status ?? "unknown"}
    >
      <span className="visually-hidden">
        redis, BullMQ broker, the queues live here: {facts.status ?? "status unknown"}, v{facts.version ?? "?"}, pid {facts.pid ?? (facts.managed ? "—" : "external")}
      </span>
      <BandCaption band={id} x={positionAbsoluteX} y={positionAbsoluteY} className={`broker-label${inTrace === false ? " dimmed" : ""}`}>
        <span className="node-title">redis</span>
        <span className="muted"> BullMQ broker · the queues live here</span>
        {facts.status && <StatusBadge status={facts.status} />}
        <span className="node-facts">
          <span className="version">v{facts.version ?? "?"}</span> <span>pid {facts.pid ?? (facts.managed ? "—" : "external")}</span>
        </span>
      </BandCaption>
    </div>
  );
}

export const BrokerNode = memo(BrokerNodeView);
