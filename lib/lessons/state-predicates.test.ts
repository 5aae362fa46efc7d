// The live-state checks, each both ways: the state that meets the goal and the one that nearly does.
import { describe, expect, it } from "vitest";
import type { Metrics } from "../contract/control";
import { T0, input, job, lifecycle, service, state } from "./testing/check-fixtures";
import { evaluate } from "./predicates";

const metricsOf = (id: string, processes: number, rssBytes: number): Metrics => ({ windowS: 10, services: [{ id, stack: "microservices", up: processes > 0, rps: 0, p50Ms: null, p95Ms: null, errorRate: 0, cpuPercent: 0, rssBytes, processes }], stacks: [], queues: [] });

describe("serviceStatus", () => {
  it("passes when payment-service is crashed or stopped, not while it is stopping", () => {
    const spec = { is: "serviceStatus", service: "payment-service", status: "down" } as const;
    expect(evaluate(spec, input({ state: state([service("payment-service", "crashed")]) })).met).toBe(true);
    expect(evaluate(spec, input({ state: state([service("payment-service", "stopping")]) }))).toMatchObject({ met: false, missing: "payment-service is stopping" });
  });
  it("dates its tick from the lifecycle event that took the service down, or from now when none came in the window", () => {
    const spec = { is: "serviceStatus", service: "payment-service", status: "down" } as const;
    const events = [lifecycle(T0 + 5, "payment-service", "starting", "healthy"), lifecycle(T0 + 10, "payment-service", "healthy", "crashed"), lifecycle(T0 + 12, "order-service", "healthy", "crashed")];
    expect(evaluate(spec, input({ events, state: state([service("payment-service", "crashed")]) })).satisfiedAt).toBe(T0 + 10);
    expect(evaluate(spec, input({ state: state([service("payment-service", "crashed")]) })).satisfiedAt).toBeUndefined();
  });
  it("asks for healthy, not merely starting", () => {
    const spec = { is: "serviceStatus", service: "redis", status: "healthy" } as const;
    expect(evaluate(spec, input({ state: state([service("redis", "healthy")]) })).met).toBe(true);
    expect(evaluate(spec, input({ state: state([service("redis", "starting")]) })).met).toBe(false);
  });
});

describe("stayedHealthy", () => {
  const spec = { is: "stayedHealthy", service: "product-service" } as const;
  it("passes once the service has been watched healthy for a few health rounds, and not before", () => {
    const healthy = state([service("product-service")]);
    expect(evaluate(spec, input({ state: healthy, now: T0 + 5_000 }))).toMatchObject({ met: true, figures: { "product-service.status": "healthy", "product-service.healthyForS": 5 } });
    expect(evaluate(spec, input({ state: healthy, now: T0 + 1_000 }))).toMatchObject({ met: false, missing: "watched for 1 s of 3 s" });
  });
  it("says the claim is contradicted when a probe moved the service off healthy during the step", () => {
    const events = [{ ...lifecycle(T0 + 2_000, "product-service", "healthy", "unhealthy"), reason: "alive but not ready", probe: "readiness" as const }];
    expect(evaluate(spec, input({ events, state: state([service("product-service")]), now: T0 + 5_000 })).contradicts).toBe("product-service was marked unhealthy: alive but not ready");
  });
});

describe("readiness", () => {
  const readinessOn = (status: "healthy" | "unhealthy") => state([service("product-service", status)], { resilience: { timeouts: true, timeoutMs: 3000, retries: 0, circuitBreaker: false, readinessChecks: true } });
  const moved = (ts: number, from: "healthy" | "unhealthy", to: "healthy" | "unhealthy", probe: "liveness" | "readiness") => ({ ...lifecycle(ts, "product-service", from, to), probe });
  it("sees a service its readiness probe took out, timed from the switch, and not one its liveness probe did", () => {
    const spec = { is: "readiness", service: "product-service", ready: false } as const;
    const byReadiness = input({ changeAt: T0 + 1_000, events: [moved(T0 + 3_000, "healthy", "unhealthy", "readiness")], state: readinessOn("unhealthy") });
    expect(evaluate(spec, byReadiness)).toMatchObject({ met: true, satisfiedAt: T0 + 3_000, figures: { "product-service.readiness": "not ready", "product-service.notReadyAfterMs": 2_000 } });
    const byLiveness = input({ changeAt: T0 + 1_000, events: [moved(T0 + 3_000, "healthy", "unhealthy", "liveness")], state: readinessOn("unhealthy") });
    expect(evaluate(spec, byLiveness).met).toBe(false);
  });
  it("waits while the checks are off, and says a service passing them for long contradicts the claim", () => {
    const spec = { is: "readiness", service: "product-service", ready: false } as const;
    expect(evaluate(spec, input({ changeAt: T0, now: T0 + 20_000, state: state([service("product-service")]) }))).toMatchObject({ met: false, missing: "readiness checks are off: only liveness (GET /health) is asked" });
    expect(evaluate(spec, input({ changeAt: T0, now: T0 + 2_000, state: readinessOn("healthy") })).contradicts).toBeUndefined();
    expect(evaluate(spec, input({ changeAt: T0, now: T0 + 7_000, state: readinessOn("healthy") })).contradicts).toBe("product-service passed its readiness check for 7 s with readiness checks on");
  });
  it("sees a service back in once its readiness check passes again", () => {
    const spec = { is: "readiness", service: "product-service", ready: true } as const;
    const back = [moved(T0 + 1_000, "healthy", "unhealthy", "readiness"), moved(T0 + 4_000, "unhealthy", "healthy", "readiness")];
    expect(evaluate(spec, input({ events: back, state: readinessOn("healthy") }))).toMatchObject({ met: true, satisfiedAt: T0 + 4_000 });
    expect(evaluate(spec, input({ events: back.slice(0, 1), state: readinessOn("unhealthy") })).met).toBe(false);
  });
});

describe("queueBacklog", () => {
  const spec = { is: "queueBacklog", queue: "payment-inbox", atLeast: 3 } as const;
  const queues = (waiting: number) => [{ name: "payment-inbox", waiting, active: 0, completed: 0, failed: 0, delayed: 0 }];
  it("passes with three jobs waiting, not with two", () => {
    expect(evaluate(spec, input({ state: state([], { queues: queues(3) }) })).met).toBe(true);
    expect(evaluate(spec, input({ state: state([], { queues: queues(2) }) })).missing).toBe("2 of 3 jobs waiting in payment-inbox");
  });
  it("dates its tick from the last job handed to that queue, not from when the counts were polled", () => {
    const added = (ts: number, queue: string) => ({ ...job(ts, `t${ts}`, "OrderCreated", "added"), queue });
    const events = [added(T0 + 1, "payment-inbox"), added(T0 + 2, "payment-inbox"), added(T0 + 3, "payment-inbox"), added(T0 + 4, "email-inbox")];
    expect(evaluate(spec, input({ events, state: state([], { queues: queues(3) }) })).satisfiedAt).toBe(T0 + 3);
  });
});

describe("scaled", () => {
  const spec = { is: "scaled", service: "monolith", replicas: 3 } as const;
  it("passes when three copies are healthy and each is measured, with the memory", () => {
    const result = evaluate(spec, input({ state: state([service("monolith", "healthy", 3, "monolith")]), metrics: metricsOf("monolith", 3, 300 * 1_048_576) }));
    expect(result).toMatchObject({ met: true, figures: { processes: 3, memoryMB: 300 } });
  });
  it("does not pass while the sampler still sees two processes, or one copy is starting", () => {
    expect(evaluate(spec, input({ state: state([service("monolith", "healthy", 3, "monolith")]), metrics: metricsOf("monolith", 2, 1) })).met).toBe(false);
    const starting = service("monolith", "healthy", 3, "monolith");
    starting.instances[2].status = "starting";
    expect(evaluate(spec, input({ state: state([starting]), metrics: metricsOf("monolith", 3, 1) })).missing).toBe("2 of 3 instances of monolith healthy");
  });
});

describe("faultActive, resilienceOn, architecture", () => {
  it("sees a cpu-hog on payment-service, and not a latency fault instead", () => {
    const spec = { is: "faultActive", service: "payment-service", type: "cpu-hog" } as const;
    const fault = (type: "cpu-hog" | "latency") => state([], { faults: [{ id: "f1", service: "payment-service", type, ms: 200, createdAt: 1 }] });
    expect(evaluate(spec, input({ state: fault("cpu-hog") })).met).toBe(true);
    expect(evaluate(spec, input({ state: fault("latency") })).met).toBe(false);
  });
  it("sees the circuit breaker on, and not off", () => {
    const spec = { is: "resilienceOn", circuitBreaker: true } as const;
    const on = state([], { resilience: { timeouts: true, timeoutMs: 1000, retries: 0, circuitBreaker: true, readinessChecks: false } });
    expect(evaluate(spec, input({ state: on })).met).toBe(true);
    expect(evaluate(spec, input()).met).toBe(false);
  });
  it("sees the architecture once the switch is over, not during it", () => {
    const spec = { is: "architecture", architecture: "both" } as const;
    expect(evaluate(spec, input({ state: state([], { architecture: "both" }) })).met).toBe(true);
    expect(evaluate(spec, input({ state: state([], { architecture: "both", transition: "switching to both" }) })).met).toBe(false);
  });
});
