"use client";
// The monolith on the graph: one large box, one process (pid, port, version, status, memory; once scaled, whole copies
// of it, each its own process), holding the shop's modules and its in-process event bus, drawn inside it as boxes.
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { MONOLITH_ID } from "../../lib/contract/services";
import { MONOLITH_FIGURES } from "../../lib/client/metrics";
import { STATUS_TONE } from "../../lib/client/status";
import { NodeMetricsLine, useInTrace, useProcessFacts } from "./ServiceNode";
import { ProcessBadges } from "./NodeBadges";
import { ProcessInstances } from "./ProcessInstances";
import { StatusBadge } from "./StatusBadge";

/** The monolith process's facts; its modules read the same status, since they live and die with it. */
export const useMonolithFacts = () => useProcessFacts(MONOLITH_ID);

function MonolithNodeView({ id, selected }: NodeProps) {
  const facts = useMonolithFacts();
  const inTrace = useInTrace(id);
  const tone = facts.status ? STATUS_TONE[facts.status] : "down";
  return (
    <div
      className={`monolith-node tone-${tone}${facts.copies > 1 ? " scaled" : ""}${selected ? " selected" : ""}${inTrace === false ? " dimmed" : ""}`}
      data-service={MONOLITH_ID}
      data-stack="monolith"
      data-status={facts.status ?? "unknown"}
      data-copies={facts.copies}
    >
      <div className="monolith-head">
        <div className="monolith-title">
          <span className="node-title">monolith</span>{" "}
          <span className="muted">{facts.copies > 1 ? `×${facts.copies} whole copies, each one process` : "one process"}</span>
        </div>
        <div className="node-status">
          {facts.status ? <StatusBadge status={facts.status} reason={facts.reason} /> : <span className="muted">unknown</span>}
          <span className="version">v{facts.version ?? "?"}</span>
        </div>
        <ProcessInstances service={MONOLITH_ID} copies="copies" />
        <div className="node-badges">
          <ProcessBadges service={MONOLITH_ID} />
        </div>
        <NodeMetricsLine id={MONOLITH_FIGURES} jobsKey={MONOLITH_ID} />
      </div>
      <div className="monolith-aside muted">
        <div>
          <span aria-hidden="true">⛁ </span>one database for all modules
        </div>
        <div>modules call each other as functions: no network hop</div>
        <div>its modules are up or down together</div>
      </div>
    </div>
  );
}

export const MonolithNode = memo(MonolithNodeView);
