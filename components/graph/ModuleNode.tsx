"use client";
// One module inside the monolith: the same code as its microservice, but no process of its own — its status is the
// monolith's, so when the monolith is down every module shows down with it.
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { STATUS_SYMBOL, STATUS_TONE } from "../../lib/client/status";
import { ServiceHandles } from "./GraphHandles";
import { useMonolithFacts } from "./MonolithNode";
import { FaultBadges } from "./NodeBadges";
import { NodeMetricsLine, useInTrace } from "./ServiceNode";

function ModuleNodeView({ id, data, selected }: NodeProps) {
  const module = String(data.ref);
  const { status } = useMonolithFacts();
  const inTrace = useInTrace(id);
  const tone = status ? STATUS_TONE[status] : "down";
  return (
    <div
      className={`graph-node module-node tone-${tone}${selected ? " selected" : ""}${inTrace === false ? " dimmed" : ""}${inTrace ? " in-trace" : ""}`}
      data-module={module}
      data-stack="monolith"
      data-status={status ?? "unknown"}
    >
      <ServiceHandles />
      <div className="node-title">{module}</div>
      <div className="module-status" title="a module has no process of its own: it runs and stops with the monolith">
        <span className={`status tone-${tone}`}>
          <span aria-hidden="true">{status ? STATUS_SYMBOL[status] : "?"}</span> {status ?? "unknown"}
        </span>
        <span className="visually-hidden"> with the monolith process</span>
      </div>
      <div className="node-badges">
        <FaultBadges stack="monolith" service={module} />
      </div>
      <NodeMetricsLine id={id} />
    </div>
  );
}

export const ModuleNode = memo(ModuleNodeView);
