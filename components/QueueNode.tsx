"use client";
// One BullMQ queue on the graph: the inbox of the service that consumes it, with the job counts BullMQ reports.
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { sandboxStore } from "../lib/client/store";
import { QueueHandles } from "./GraphHandles";
import { useInTrace } from "./ServiceNode";

export const queueNameOf = (nodeId: string) => nodeId.replace(/^queue:/, "");

function QueueNodeView({ id, selected }: NodeProps) {
  const name = queueNameOf(id);
  const counts = useStore(
    sandboxStore,
    useShallow((view) => {
      const queue = view.sandbox?.queues.find((candidate) => candidate.name === name);
      const broker = view.sandbox?.services.find((service) => service.id === "redis");
      return { waiting: queue?.waiting ?? 0, active: queue?.active ?? 0, failed: queue?.failed ?? 0, delayed: queue?.delayed ?? 0, brokerUp: broker?.status === "healthy" };
    }),
  );
  const inTrace = useInTrace(id);
  const backlog = counts.waiting + counts.delayed;
  return (
    <div
      className={`graph-node queue-node${selected ? " selected" : ""}${inTrace === false ? " dimmed" : ""}${inTrace ? " in-trace" : ""}${counts.brokerUp ? "" : " unreachable"}`}
      data-queue={name}
      data-waiting={backlog}
    >
      <QueueHandles />
      <div className="node-title">
        <span aria-hidden="true">☰ </span>
        {name}
      </div>
      <div className="queue-counts">
        <span className={backlog > 0 ? "warn-text" : undefined}>{backlog} waiting</span>
        <span>{counts.active} active</span>
        {counts.failed > 0 && <span className="bad-text">{counts.failed} failed</span>}
      </div>
    </div>
  );
}

export const QueueNode = memo(QueueNodeView);
