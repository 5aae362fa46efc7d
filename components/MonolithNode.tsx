"use client";
// The monolith on the graph: one large box, one process (pid, port, version, status, replicas), holding the shop's
// modules and its in-process event bus, which are drawn inside it as their own boxes.
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { MONOLITH_ID } from "../lib/contract/services";
import { MONOLITH_FIGURES } from "../lib/client/metrics";
import { sandboxStore } from "../lib/client/store";
import { STATUS_TONE } from "../lib/client/status";
import { NodeMetricsLine, useInTrace } from "./ServiceNode";
import { ProcessBadges } from "./NodeBadges";
import { StatusBadge } from "./StatusBadge";

/** The monolith process's facts; its modules read the same status, since they live and die with it. */
export function useMonolithFacts() {
  return useStore(
    sandboxStore,
    useShallow((view) => {
      const monolith = view.sandbox?.services.find((service) => service.id === MONOLITH_ID);
      return { status: monolith?.status ?? null, version: monolith?.version ?? null, port: monolith?.port ?? null, pid: monolith?.pid ?? null };
    }),
  );
}

function MonolithNodeView({ id, selected }: NodeProps) {
  const facts = useMonolithFacts();
  const inTrace = useInTrace(id);
  const tone = facts.status ? STATUS_TONE[facts.status] : "down";
  return (
    <div
      className={`monolith-node tone-${tone}${selected ? " selected" : ""}${inTrace === false ? " dimmed" : ""}`}
      data-service={MONOLITH_ID}
      data-stack="monolith"
      data-status={facts.status ?? "unknown"}
    >
      <div className="monolith-head">
        <div className="monolith-title">
          <span className="node-title">monolith</span> <span className="muted">one process</span>{" "}
          {facts.status ? <StatusBadge status={facts.status} /> : <span className="muted">unknown</span>}
        </div>
        <div className="node-facts">
          <span className="version">v{facts.version ?? "?"}</span>
          <span>:{facts.port ?? "—"}</span>
          <span>pid {facts.pid ?? "—"}</span>
        </div>
        <div className="node-badges">
          <ProcessBadges service={MONOLITH_ID} />
        </div>
        <NodeMetricsLine id={MONOLITH_FIGURES} />
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
