"use client";
// Everything about one service (or the monolith, or one of its modules): where and what it runs, its instances, its
// live figures, its controls (kill, stop, start, redeploy, scale, restart policy, faults) and its latest log lines.
import { useStore } from "zustand";
import { MONOLITH_ID } from "../../lib/contract/services";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { metricsStore } from "../../lib/client/stores/metrics-store";
import { scalingProgress } from "../../lib/client/instances";
import { jobCounts, jobsStore } from "../../lib/client/stores/job-counts-store";
import { formatMs, formatRate, METRICS_WINDOW_MS, MONOLITH_FIGURES } from "../../lib/client/metrics";
import { nodeIdIn } from "../../lib/client/topology";
import { FollowInStream } from "./FollowInStream";
import { InstanceList } from "./InstanceList";
import { RestartPolicyControl } from "./RestartPolicyControl";
import { ScaleControl } from "./ScaleControl";
import { ServiceActions } from "./ServiceActions";
import { ALL_MODULES, ServiceFaults } from "./ServiceFaults";
import { ServiceData } from "./ServiceData";
import { ServiceLogLines } from "./ServiceLogLines";
import { StatusBadge } from "../graph/StatusBadge";
import { probeWords } from "../../lib/client/probe-words";
import { shownNow } from "../../lib/client/stores/time-travel-store";

const OUTCOME_TEXT = { succeeded: "succeeded", "rolled-back": "↩ rolled back", failed: "✕ failed" } as const;

/** `module`: the monolith's module that was clicked; the process facts and controls are the monolith's. */
export function ServiceInspector({ id, module }: { id: string; module?: string }) {
  const service = useStore(sandboxStore, (view) => view.sandbox?.services.find((candidate) => candidate.id === id));
  const readinessChecks = useStore(sandboxStore, (view) => view.sandbox?.resilience.readinessChecks ?? false);
  const metricsKey = module ? nodeIdIn("monolith", module) : id === MONOLITH_ID ? MONOLITH_FIGURES : id;
  const metrics = useStore(metricsStore, (summary) => summary.nodes[metricsKey]);
  // Read again at every metrics tick (the line above re-renders it), so the count falls when the jobs stop.
  const jobs = jobCounts(useStore(jobsStore, (times) => times), module ? nodeIdIn("monolith", module) : id, shownNow());
  if (!service) return <p>{id} is not running in this architecture.</p>;
  // Liveness and readiness side by side: a process can answer the first and fail the second.
  const probes = service.kind === "service" ? probeWords(service.status, service.reason, readinessChecks) : null;
  const isMonolith = id === MONOLITH_ID;
  return (
    <div className="service-inspector" data-service-inspector={id} data-module-inspector={module} data-status={service.status}>
      <h2>{module ? `${module}` : id}</h2>
      {module && (
        <p className="module-note">
          A module of the <strong>monolith</strong>: the same code as the microservice {module}, but no process of its own. It runs, stops and is
          redeployed with the whole monolith — the controls below act on the monolith.
        </p>
      )}
      {isMonolith && !module && <p className="module-note">The whole shop in one process: every module, one in-process bus, one database.</p>}
      <p className="inspector-status">
        <StatusBadge status={service.status} reason={service.reason} /> <span className="muted">{service.reason}</span>
      </p>
      <ServiceActions service={service} />
      <FollowInStream id={id} stack={service.stack} module={module} />
      {service.kind === "service" && <ScaleControl service={service} />}
      <RestartPolicyControl service={service} />
      <dl className="facts">
        <dt>version</dt>
        <dd className="version">v{service.version}</dd>
        <dt>pid</dt>
        <dd>{service.pid ?? "—"}</dd>
        <dt>{service.kind === "broker" ? "address" : "port"}</dt>
        <dd>{service.kind === "broker" ? (service.address ?? "—") : (service.port ?? "—")}</dd>
        <dt>restarts</dt>
        <dd>{service.restarts}</dd>
        {probes && (
          <>
            <dt>liveness</dt>
            <dd data-liveness>{probes.liveness}</dd>
            <dt>readiness</dt>
            <dd data-readiness>{probes.readiness}</dd>
          </>
        )}
        <dt>instances</dt>
        <dd data-instances={service.instances.length}>
          {service.instances.length === 0 ? "none" : (scalingProgress(service) ?? `${service.instances.length} of ${service.replicas} asked`)}
        </dd>
        {service.lastDeploy && (
          <>
            <dt>last deploy</dt>
            <dd data-last-deploy={service.lastDeploy.outcome}>
              v{service.lastDeploy.version} {service.lastDeploy.strategy}: <strong className={service.lastDeploy.outcome === "succeeded" ? undefined : "warn-text"}>{OUTCOME_TEXT[service.lastDeploy.outcome]}</strong>{" "}
              — {service.lastDeploy.reason}
            </dd>
          </>
        )}
      </dl>
      <InstanceList service={service} />
      {service.kind === "service" && <ServiceFaults stack={service.stack} modules={module ? [module] : isMonolith ? ALL_MODULES : [id]} />}
      {service.kind !== "broker" && (
        <>
          <h3>
            Last {METRICS_WINDOW_MS / 1000} seconds{module ? ` (calls into ${module})` : ""}
          </h3>
          {metrics && metrics.calls > 0 && (
            <dl className="facts metrics">
              <dt>calls, failed included</dt>
              <dd>{formatRate(metrics.rps)}</dd>
              <dt>answered, not failed</dt>
              <dd>{formatRate(metrics.answeredRps)}</dd>
              <dt>latency p50</dt>
              <dd>{formatMs(metrics.p50)}</dd>
              <dt>latency p95</dt>
              <dd>{formatMs(metrics.p95)}</dd>
              <dt>errors</dt>
              <dd>{(metrics.errorRate * 100).toFixed(1)}%</dd>
            </dl>
          )}
          {jobs.handled > 0 && (
            <dl className="facts metrics" data-jobs-handled={jobs.handled}>
              <dt>queue jobs</dt>
              <dd>
                {jobs.handled} handled ({formatRate(jobs.perSecond)})
              </dd>
              {jobs.failed > 0 && (
                <>
                  <dt>jobs failed</dt>
                  <dd>{jobs.failed} (to be retried or given up)</dd>
                </>
              )}
            </dl>
          )}
          {!(metrics && metrics.calls > 0) && jobs.handled === 0 && <p className="muted">No calls answered and no queue jobs handled.</p>}
        </>
      )}
      {service.kind === "service" && <ServiceData id={id} module={module} />}
      <h3>Log</h3>
      <ServiceLogLines id={id} />
    </div>
  );
}
