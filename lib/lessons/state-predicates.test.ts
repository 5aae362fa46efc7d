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
    const on = state([], { resilience: { timeouts: true, timeoutMs: 1000, retries: 0, circuitBreaker: true } });
    expect(evaluate(spec, input({ state: on })).met).toBe(true);
    expect(evaluate(spec, input()).met).toBe(false);
  });
  it("sees the architecture once the switch is over, not during it", () => {
    const spec = { is: "architecture", architecture: "both" } as const;
    expect(evaluate(spec, input({ state: state([], { architecture: "both" }) })).met).toBe(true);
    expect(evaluate(spec, input({ state: state([], { architecture: "both", transition: "switching to both" }) })).met).toBe(false);
  });
});
