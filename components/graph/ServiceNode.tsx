"use client";
// One service of the shop on the graph: its status in a symbol and a word, version, port and pid (one per instance once
// scaled, drawn as a stack of cards), its memory, and live figures.
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { jobCounts, jobsStore } from "../../lib/client/stores/job-counts-store";
import { metricsStore } from "../../lib/client/stores/metrics-store";
import { highlightStore } from "../../lib/client/stores/highlight-store";
import { formatMs, formatRate } from "../../lib/client/metrics";
import { STATUS_TONE } from "../../lib/client/status";
import { ServiceHandles } from "./GraphHandles";
import { CircuitBadges, FaultBadges, ProcessBadges } from "./NodeBadges";
import { ProcessInstances } from "./ProcessInstances";
import { StatusBadge } from "./StatusBadge";
import { shownNow } from "../../lib/client/stores/time-travel-store";

/** A process's facts as its box draws them: a service's, the monolith's (its modules show the same status) or the broker's. */
export function useProcessFacts(id: string) {
  return useStore(
    sandboxStore,
    useShallow((view) => {
      const process = view.sandbox?.services.find((candidate) => candidate.id === id);
      return {
        status: process?.status ?? null,
        reason: process?.reason ?? "",
        version: process?.version ?? null,
        pid: process?.pid ?? null,
        managed: process?.managed ?? true,
        copies: process ? Math.max(process.replicas, process.instances.length) : 1,
      };
    }),
  );
}

/** Whether this box is part of the selected trace: null when no trace is selected. */
export const useInTrace = (id: string) => useStore(highlightStore, (highlight) => (highlight.nodes ? highlight.nodes.has(id) : null));

/** `jobsKey`: whose queue jobs to count when it answered no calls (a consumer draining its inbox is not idle). */
export function NodeMetricsLine({ id, jobsKey = id }: { id: string; jobsKey?: string }) {
  const metrics = useStore(metricsStore, (summary) => summary.nodes[id]);
  const jobs = jobCounts(useStore(jobsStore, (times) => times), jobsKey, shownNow());
  if (!metrics || metrics.calls === 0) {
    if (jobs.handled > 0) return <div className="node-metrics">no calls · {jobs.handled} {jobs.handled === 1 ? "job" : "jobs"} in the last 10 s</div>;
    return <div className="node-metrics muted">no calls or jobs in the last 10 s</div>;
  }
  return (
    <div className="node-metrics" title="calls per second (failed ones included), 95th percentile latency and share of errors, over the last 10 seconds">
      <span>{formatRate(metrics.rps)}</span>
      <span>p95 {formatMs(metrics.p95)}</span>
      <span className={metrics.errorRate > 0 ? "bad-text" : undefined}>{(metrics.errorRate * 100).toFixed(metrics.errorRate > 0 && metrics.errorRate < 0.1 ? 1 : 0)}% err</span>
    </div>
  );
}

function ServiceNodeView({ id, selected }: NodeProps) {
  const facts = useProcessFacts(id);
  const inTrace = useInTrace(id);
  const tone = facts.status ? STATUS_TONE[facts.status] : "down";
  return (
    <div
      className={`graph-node service-node tone-${tone}${facts.copies > 1 ? " scaled" : ""}${selected ? " selected" : ""}${inTrace === false ? " dimmed" : ""}${inTrace ? " in-trace" : ""}`}
      data-service={id}
      data-stack="microservices"
      data-status={facts.status ?? "unknown"}
      data-copies={facts.copies}
    >
      <ServiceHandles />
      <div className="node-title">{id}</div>
      <div className="node-status">
        {facts.status ? <StatusBadge status={facts.status} reason={facts.reason} /> : <span className="muted">unknown</span>}
        <span className="version">v{facts.version ?? "?"}</span>
      </div>
      <ProcessInstances service={id} />
      <div className="node-badges">
        <ProcessBadges service={id} />
        <FaultBadges stack="microservices" service={id} />
        <CircuitBadges stack="microservices" service={id} />
      </div>
      <NodeMetricsLine id={id} />
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
