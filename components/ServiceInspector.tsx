"use client";
// Everything about one service: where and what it runs, its live figures, its controls and its latest log lines.
import { useStore } from "zustand";
import { sandboxStore } from "../lib/client/store";
import { metricsStore } from "../lib/client/metrics-store";
import { formatMs, formatRate, METRICS_WINDOW_MS } from "../lib/client/metrics";
import { setFilter, uiStore } from "../lib/client/ui-store";
import { ServiceActions } from "./ServiceActions";
import { ServiceLogLines } from "./ServiceLogLines";
import { StatusBadge } from "./StatusBadge";

export function ServiceInspector({ id }: { id: string }) {
  const service = useStore(sandboxStore, (view) => view.sandbox?.services.find((candidate) => candidate.id === id));
  const metrics = useStore(metricsStore, (summary) => summary.nodes[id]);
  if (!service) return <p>{id} is not running in this architecture.</p>;
  return (
    <div className="service-inspector" data-service-inspector={id} data-status={service.status}>
      <h2>{id}</h2>
      <p className="inspector-status">
        <StatusBadge status={service.status} /> <span className="muted">{service.reason}</span>
      </p>
      <ServiceActions service={service} />
      <dl className="facts">
        <dt>version</dt>
        <dd className="version">v{service.version}</dd>
        <dt>pid</dt>
        <dd>{service.pid ?? "—"}</dd>
        <dt>{service.kind === "broker" ? "address" : "port"}</dt>
        <dd>{service.kind === "broker" ? (service.address ?? "—") : (service.port ?? "—")}</dd>
        <dt>restarts</dt>
        <dd>{service.restarts}</dd>
        <dt>instances</dt>
        <dd>{service.instances.length === 0 ? "none" : service.instances.map((instance) => `${instance.instanceId} (${instance.status})`).join(", ")}</dd>
        {service.lastDeploy && (
          <>
            <dt>last deploy</dt>
            <dd>
              v{service.lastDeploy.version} {service.lastDeploy.outcome}: {service.lastDeploy.reason}
            </dd>
          </>
        )}
      </dl>
      {service.kind !== "broker" && (
        <>
          <h3>Last {METRICS_WINDOW_MS / 1000} seconds</h3>
          {metrics && metrics.calls > 0 ? (
            <dl className="facts metrics">
              <dt>requests</dt>
              <dd>{formatRate(metrics.rps)}</dd>
              <dt>latency p50</dt>
              <dd>{formatMs(metrics.p50)}</dd>
              <dt>latency p95</dt>
              <dd>{formatMs(metrics.p95)}</dd>
              <dt>errors</dt>
              <dd>{(metrics.errorRate * 100).toFixed(1)}%</dd>
            </dl>
          ) : (
            <p className="muted">No calls answered.</p>
          )}
        </>
      )}
      <h3>
        Log{" "}
        <button type="button" className="link" onClick={() => uiStore.setState((view) => setFilter(view, { service: id }), true)}>
          show its events in the stream
        </button>
      </h3>
      <ServiceLogLines id={id} />
    </div>
  );
}
