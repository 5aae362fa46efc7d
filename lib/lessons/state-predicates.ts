// Checks read from the sandbox's live state: a service's status and what its probes said, a queue's backlog, replicas,
// faults, resilience, architecture.
import type { PredicateSpec } from "../contract/lessons";
import { isNotReady } from "../contract/lifecycle";
import { contradicted, isDown, megabytes, outcome, type CheckInput, type CheckOutcome } from "./check-input";

type Spec<N extends PredicateSpec["is"]> = Extract<PredicateSpec, { is: N }>;

export function serviceStatus(spec: Spec<"serviceStatus">, input: CheckInput): CheckOutcome {
  const view = input.state.services.find((service) => service.id === spec.service);
  const label = spec.status === "down" ? `${spec.service} is down` : `${spec.service} is running and healthy`;
  const reached = (status: string) => (spec.status === "down" ? isDown(status) : status === "healthy");
  const met = reached(view?.status ?? "absent");
  // The tick is timed from the lifecycle event that got it there, not from when the state was next looked at.
  const move = input.events.findLast((event) => event.type === "lifecycle" && event.service === spec.service && reached(event.to));
  return outcome(met, label, view ? `${spec.service} is ${view.status}` : `${spec.service} is not running in this architecture`, { status: view?.status ?? "absent" }, move?.ts);
}

/** How long a service must be watched before "it stayed healthy" says anything: a few of the supervisor's health rounds. */
export const WATCHED_HEALTH_MS = 3_000;
/** Readiness switched on this long ago and the service still passes: its readiness check finds nothing wrong. */
export const READINESS_VERDICT_MS = 6_000;

const lifecycleOf = (service: string, input: CheckInput) => input.events.filter((event) => event.type === "lifecycle" && event.service === service);

/** The service stayed healthy all through the step, as its probes judged it (what the graph showed). */
export function stayedHealthy(spec: Spec<"stayedHealthy">, input: CheckInput): CheckOutcome {
  const label = `${spec.service} stayed healthy all through the step`;
  const view = input.state.services.find((service) => service.id === spec.service);
  const left = lifecycleOf(spec.service, input).find((event) => event.type === "lifecycle" && event.from === "healthy");
  if (left && left.type === "lifecycle") return contradicted(label, `${spec.service} was marked ${left.to}: ${left.reason}`, { [`${spec.service}.status`]: left.to });
  const watchedS = Math.round((input.now - input.since) / 100) / 10;
  const figures = { [`${spec.service}.status`]: view?.status ?? "absent", [`${spec.service}.healthyForS`]: watchedS };
  if (view?.status !== "healthy") return outcome(false, label, view ? `${spec.service} is ${view.status}` : `${spec.service} is not running in this architecture`, figures);
  return outcome(input.now - input.since >= WATCHED_HEALTH_MS, label, `watched for ${watchedS} s of ${WATCHED_HEALTH_MS / 1_000} s`, figures);
}

/** The service's readiness probe took it out of the registry (`ready: false`), or put it back (`ready: true`). */
export function readiness(spec: Spec<"readiness">, input: CheckInput): CheckOutcome {
  const label = spec.ready ? `${spec.service} passes its readiness check again` : `${spec.service} is alive but marked not ready by its readiness check`;
  const view = input.state.services.find((service) => service.id === spec.service);
  const moved = lifecycleOf(spec.service, input).findLast((event) => event.type === "lifecycle" && event.probe === "readiness");
  const want = spec.ready ? "healthy" : "unhealthy";
  const met = moved?.type === "lifecycle" && moved.to === want && view?.status === want;
  const figures = { [`${spec.service}.readiness`]: met ? (spec.ready ? "ready" : "not ready") : (view?.status ?? "absent"), ...(met && !spec.ready && input.changeAt !== null ? { [`${spec.service}.notReadyAfterMs`]: Math.max(0, moved.ts - input.changeAt) } : {}) };
  if (met) return outcome(true, label, "", figures, moved.ts);
  if (!input.state.resilience.readinessChecks) return outcome(false, label, "readiness checks are off: only liveness (GET /health) is asked", figures);
  const since = input.changeAt ?? input.since;
  if (!spec.ready && view?.status === "healthy" && input.now - since >= READINESS_VERDICT_MS) {
    return contradicted(label, `${spec.service} passed its readiness check for ${Math.round((input.now - since) / 1_000)} s with readiness checks on`, figures);
  }
  return outcome(false, label, view ? `${spec.service} is ${isNotReady(view.status, view.reason) ? "not ready" : view.status}` : `${spec.service} is not running in this architecture`, figures);
}

/** Jobs waiting in a queue right now (BullMQ's own counts). */
export function queueBacklog(spec: Spec<"queueBacklog">, input: CheckInput): CheckOutcome {
  const queue = input.state.queues.find((view) => view.name === spec.queue);
  const waiting = queue ? queue.waiting + queue.delayed : 0;
  // Timed from the last job handed to the queue (the counts are polled, so they see it a little later).
  const added = input.events.findLast((event) => event.type === "queue" && event.queue === spec.queue && event.state === "added");
  return outcome(waiting >= spec.atLeast, `at least ${spec.atLeast} jobs wait in ${spec.queue}`, `${waiting} of ${spec.atLeast} jobs waiting in ${spec.queue}`, { backlog: waiting }, added?.ts);
}

/** Every instance healthy at the asked replicas, and the memory sampler already sees each process. */
export function scaled(spec: Spec<"scaled">, input: CheckInput): CheckOutcome {
  const view = input.state.services.find((service) => service.id === spec.service);
  const label = `${spec.service} runs ${spec.replicas} healthy instances`;
  const healthy = view?.instances.filter((instance) => instance.status === "healthy").length ?? 0;
  const measured = input.metrics?.services.find((service) => service.id === spec.service);
  const sampled = measured !== undefined && measured.processes === spec.replicas && measured.rssBytes > 0;
  const met = view?.replicas === spec.replicas && healthy === spec.replicas && sampled;
  const missing = healthy !== spec.replicas ? `${healthy} of ${spec.replicas} instances of ${spec.service} healthy` : "waiting for the memory of every instance to be measured";
  return outcome(met, label, missing, measured ? { processes: measured.processes, memoryMB: megabytes(measured.rssBytes) } : {});
}

export function faultActive(spec: Spec<"faultActive">, input: CheckInput): CheckOutcome {
  const fault = input.state.faults.find((candidate) => candidate.service === spec.service && candidate.type === spec.type);
  return outcome(Boolean(fault), `a ${spec.type} fault is on ${spec.service}`, `no ${spec.type} fault on ${spec.service}`, fault?.ms !== undefined ? { faultMs: fault.ms } : {});
}

export function resilienceOn(spec: Spec<"resilienceOn">, input: CheckInput): CheckOutcome {
  const on = input.state.resilience.circuitBreaker;
  return outcome(on === spec.circuitBreaker, `the circuit breaker is ${spec.circuitBreaker ? "on" : "off"}`, `the circuit breaker is ${on ? "on" : "off"}`);
}

export function architecture(spec: Spec<"architecture">, input: CheckInput): CheckOutcome {
  const now = input.state.architecture;
  const met = now === spec.architecture && input.state.transition === null;
  return outcome(met, `the sandbox runs ${spec.architecture}`, input.state.transition ?? `the sandbox runs ${now}`);
}
