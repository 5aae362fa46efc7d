"use client";
// One inbox on the graph: a BullMQ queue inside the broker (with the counts BullMQ reports and how fast jobs go in and
// out), or inside the monolith an in-memory inbox of its event bus (with how fast its messages are taken).
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { BROKER_ID, queueTopology } from "../../lib/contract/services";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { metricsStore } from "../../lib/client/stores/metrics-store";
import { formatRate } from "../../lib/client/metrics";
import { consumeEdgeId, publishEdgeId } from "../../lib/client/topology";
import { QueueHandles } from "./GraphHandles";
import { useMonolithFacts } from "./MonolithNode";
import { useInTrace } from "./ServiceNode";

export const queueNameOf = (nodeId: string) => nodeId.replace(/^(monolith\/)?queue:/, "");
const CONSUMER = Object.fromEntries(queueTopology().map(({ queue, consumer }) => [queue, consumer]));
const PUBLISHERS = Object.fromEntries(queueTopology().map(({ queue, publishers }) => [queue, publishers]));

/** Jobs per second into a broker queue (from all its publishers) and out of it to its consumer, as its arrows carry them. */
function useQueueRates(name: string) {
  return useStore(
    metricsStore,
    useShallow((summary) => ({
      added: (PUBLISHERS[name] ?? []).reduce((sum, publisher) => sum + (summary.edges[publishEdgeId(publisher, name)] ?? 0), 0),
      taken: summary.edges[consumeEdgeId(name, CONSUMER[name] ?? "")] ?? 0,
    })),
  );
}

function BrokerQueue({ id, name, selected }: { id: string; name: string; selected: boolean }) {
  const counts = useStore(
    sandboxStore,
    useShallow((view) => {
      const queue = view.sandbox?.queues.find((candidate) => candidate.name === name);
      const broker = view.sandbox?.services.find((service) => service.id === BROKER_ID);
      return { waiting: queue?.waiting ?? 0, active: queue?.active ?? 0, failed: queue?.failed ?? 0, delayed: queue?.delayed ?? 0, brokerUp: broker?.status === "healthy" };
    }),
  );
  const inTrace = useInTrace(id);
  const rates = useQueueRates(name);
  const backlog = counts.waiting + counts.delayed;
  return (
    <div
      className={`graph-node queue-node${selected ? " selected" : ""}${inTrace === false ? " dimmed" : ""}${inTrace ? " in-trace" : ""}${counts.brokerUp ? "" : " unreachable"}`}
      data-queue={name}
      data-stack="microservices"
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
      {(rates.added >= 0.1 || rates.taken >= 0.1) && (
        <div className="queue-counts" data-queue-rates={name} title="jobs per second added by its publishers and taken by its consumer, over the last 10 seconds">
          <span>in {formatRate(rates.added)}</span>
          <span>out {formatRate(rates.taken)}</span>
        </div>
      )}
    </div>
  );
}

function BusInbox({ id, name, selected }: { id: string; name: string; selected: boolean }) {
  const { status } = useMonolithFacts();
  const taken = useStore(metricsStore, (summary) => summary.edges[consumeEdgeId(name, CONSUMER[name] ?? "", "monolith")] ?? 0);
  const inTrace = useInTrace(id);
  return (
    <div
      className={`graph-node queue-node inbox-node${selected ? " selected" : ""}${inTrace === false ? " dimmed" : ""}${inTrace ? " in-trace" : ""}${status === "healthy" ? "" : " unreachable"}`}
      data-inbox={name}
      data-stack="monolith"
    >
      <QueueHandles />
      <div className="node-title">
        <span aria-hidden="true">☰ </span>
        {name}
      </div>
      <div className="queue-counts">{taken >= 0.1 ? <span>taken {formatRate(taken)}</span> : <span>in memory</span>}</div>
    </div>
  );
}

function QueueNodeView({ id, data, selected }: NodeProps) {
  const name = queueNameOf(id);
  return data.stack === "monolith" ? <BusInbox id={id} name={name} selected={!!selected} /> : <BrokerQueue id={id} name={name} selected={!!selected} />;
}

export const QueueNode = memo(QueueNodeView);
