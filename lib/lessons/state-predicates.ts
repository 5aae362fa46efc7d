// Checks read from the sandbox's live state: a service's status, a queue's backlog, replicas, faults, resilience, architecture.
import type { PredicateSpec } from "../contract/lessons";
import { isDown, megabytes, outcome, type CheckInput, type CheckOutcome } from "./check-input";

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
