// Recorded event sequences and states for the predicate tests: shapes as the sandbox reports them, built small.
import type { SandboxState, ServiceView, TrafficView } from "../../contract/control";
import type { HttpEvent, LifecycleEvent, QueueEvent, StackId } from "../../contract/events";
import type { CheckInput } from "../check-input";

export const T0 = 1_700_000_000_000;

export function service(id: string, status: ServiceView["status"] = "healthy", replicas = 1, stack: StackId = "microservices"): ServiceView {
  const instance = { instanceId: `${id}-1`, status, pid: 100, port: 4000, version: 1, startedAt: T0 };
  return { id, stack, kind: id === "redis" ? "broker" : "service", status, pid: 100, port: 4000, address: "http://127.0.0.1:4000", version: 1, restarts: 0, startedAt: T0, replicas, instances: Array.from({ length: replicas }, (_, index) => ({ ...instance, instanceId: `${id}-${index + 1}` })), reason: "", managed: true, restartPolicy: "never", lastDeploy: null } as ServiceView;
}

export function state(services: ServiceView[] = [], change: Partial<SandboxState> = {}): SandboxState {
  return { architecture: "microservices", stacks: [], services, queues: [], droppedEvents: 0, faults: [], resilience: { timeouts: true, timeoutMs: 3000, retries: 0, circuitBreaker: false, readinessChecks: false }, transition: null, ...change };
}

export const noTraffic: TrafficView = { running: false, rps: 0, summary: "no traffic yet", stacks: [], startedAt: null, endsAt: null, result: null };

export function input(change: Partial<CheckInput> = {}): CheckInput {
  return { now: T0 + 60_000, since: T0, events: [], state: state(), traffic: noTraffic, redeploys: {}, failures: {}, metrics: null, audit: null, shoppers: [], changeAt: null, settleMs: 1_000, opening: null, moment: null, challenge: null, ...change };
}

export const lifecycle = (ts: number, service: string, from: LifecycleEvent["from"], to: LifecycleEvent["to"]): LifecycleEvent => ({ type: "lifecycle", ts, stack: "microservices", service, instanceId: `${service}-1`, from, to, pid: 100, version: 1, reason: "test" });

export const orderPlaced = (ts: number, status = 202, stack: StackId = "microservices"): HttpEvent => ({ type: "http", ts, stack, from: "client", to: stack === "monolith" ? "monolith" : "api-gateway", method: "POST", path: "/api/orders", status, durationMs: 5, traceId: `t-${ts}`, spanId: "s" });

export const call = (ts: number, from: string, to: string, status: number, method = "GET", path = "/api/products"): HttpEvent => ({ type: "http", ts, stack: "microservices", from, to, method, path, status, durationMs: 3, traceId: `t-${ts}`, spanId: "s" });

export const job = (ts: number, traceId: string, name: string, state: QueueEvent["state"] = "completed"): QueueEvent => ({ type: "queue", ts, stack: "microservices", queue: "q", job: name, jobId: `${name}-${traceId}`, state, attempt: 1, service: "x", traceId });
