// The checks on the processes: pids kept through a step, a stack's memory and what it gained, memory per copy.
import { describe, expect, it } from "vitest";
import type { Metrics } from "../contract/control";
import type { PredicateSpec } from "../contract/lessons";
import { input, service, state, T0 } from "./testing/check-fixtures";
import { evaluate } from "./predicates";

const MB = 1_048_576;
const metrics = (entries: Array<[id: string, stack: "microservices" | "monolith", mb: number, processes: number]>): Metrics => ({
  windowS: 10,
  services: entries.map(([id, stack, mb, processes]) => ({ id, stack, up: true, rps: 0, p50Ms: null, p95Ms: null, errorRate: 0, cpuPercent: 0, rssBytes: mb * MB, processes })),
  stacks: [],
  queues: [],
});

describe("processesKept", () => {
  const spec: PredicateSpec = { is: "processesKept", stack: "microservices", except: ["product-service"] };
  const opening = { at: T0, pids: { "order-service": [100], "product-service": [100] }, memoryBytes: {} };
  it("passes when every other process has the pid it had when the step opened", () => {
    const now = state([service("order-service"), { ...service("product-service"), instances: [{ ...service("product-service").instances[0], pid: 200 }] }]);
    expect(evaluate(spec, input({ opening, state: now }))).toMatchObject({ met: true, figures: { kept: 1, of: 1 } });
  });
  it("says which other process got a new pid", () => {
    const now = state([{ ...service("order-service"), instances: [{ ...service("order-service").instances[0], pid: 300 }] }, service("product-service")]);
    expect(evaluate(spec, input({ opening, state: now })).contradicts).toBe("order-service got a new process during the step");
  });
});

describe("memory", () => {
  it("adds up a whole stack's memory and what it gained since the step opened", () => {
    const spec: PredicateSpec = { is: "stackMemory", stack: "microservices" };
    const measured = metrics([["api-gateway", "microservices", 60, 1], ["product-service", "microservices", 150, 3], ["monolith", "monolith", 90, 1]]);
    expect(evaluate(spec, input({ metrics: measured, opening: { at: T0, pids: {}, memoryBytes: { microservices: 110 * MB } } }))).toMatchObject({ met: true, figures: { "microservices.memoryMB": 210, "microservices.processes": 4, "microservices.addedMB": 100 } });
    expect(evaluate(spec, input({ metrics: metrics([]) })).missing).toBe("waiting for the memory sampler");
  });
  it("compares one whole stack with the other, and says so when it is not the lighter", () => {
    const spec: PredicateSpec = { is: "stackMemory", stack: "monolith", lighterThan: "microservices" };
    const light = metrics([["api-gateway", "microservices", 60, 1], ["product-service", "microservices", 150, 3], ["monolith", "monolith", 190, 3]]);
    expect(evaluate(spec, input({ metrics: light }))).toMatchObject({ met: true, figures: { "monolith.memoryMB": 190, "microservices.memoryMB": 210, "microservices.processes": 4 } });
    const heavy = metrics([["api-gateway", "microservices", 60, 1], ["product-service", "microservices", 150, 3], ["monolith", "monolith", 230, 3]]);
    expect(evaluate(spec, input({ metrics: heavy })).contradicts).toBe("measured 230 MB in 3 processes against 210 MB in 4");
  });
});
