// When a step's decisive action happened, read from the state and telemetry, and never before the step opened.
import { describe, expect, it } from "vitest";
import { input, lifecycle, service, state, T0 } from "./testing/check-fixtures";
import { changeMoment, makesChange } from "./step-change";
import { keyedFigures } from "./step-evaluation";

describe("changeMoment", () => {
  it("takes a fault's own creation time, and ignores one made before the step", () => {
    const fault = { id: "f1", service: "payment-service" as const, type: "cpu-hog" as const, ms: 200, createdAt: T0 + 500 };
    expect(changeMoment({ kind: "fault", service: "payment-service", type: "cpu-hog" }, input({ state: state([], { faults: [fault] }) }))).toBe(T0 + 500);
    expect(changeMoment({ kind: "fault", service: "payment-service", type: "cpu-hog" }, input({ since: T0 + 600, state: state([], { faults: [fault] }) }))).toBeNull();
  });
  it("takes a kill's lifecycle event, a redeploy's start, and a scale once the replicas are asked", () => {
    expect(changeMoment({ kind: "kill", service: "payment-service" }, input({ events: [lifecycle(T0 + 7, "payment-service", "healthy", "crashed")] }))).toBe(T0 + 7);
    const redeploys = { microservices: { service: "product-service", strategy: "rolling" as const, startedAt: T0 + 9, endedAt: null, requests: 0, failed: 0, unavailableMs: 0 } };
    expect(changeMoment({ kind: "redeploy", stack: "microservices", service: "product-service" }, input({ redeploys }))).toBe(T0 + 9);
    expect(changeMoment({ kind: "redeploy", stack: "microservices", service: "order-service" }, input({ redeploys }))).toBeNull();
    expect(changeMoment({ kind: "scale", service: "product-service", replicas: 3 }, input({ state: state([service("product-service", "healthy", 3)]) }))).toBe(T0 + 60_000);
    expect(changeMoment({ kind: "scale", service: "product-service", replicas: 3 }, input({ state: state([service("product-service")]) }))).toBeNull();
  });
  it("takes retries once the resilience in force retries at least as often as asked", () => {
    const retrying = (retries: number) => input({ state: state([], { resilience: { ...state().resilience, retries } }) });
    expect(changeMoment({ kind: "retries", atLeast: 3 }, retrying(3))).toBe(T0 + 60_000);
    expect(changeMoment({ kind: "retries", atLeast: 3 }, retrying(1))).toBeNull();
    expect(makesChange({ do: "resilience", resilience: { retries: 3 } }, { kind: "retries", atLeast: 3 })).toBe(true);
    expect(makesChange({ do: "resilience", resilience: { circuitBreaker: true } }, { kind: "retries", atLeast: 3 })).toBe(false);
  });
  it("takes a timeout once calls give up after at most the time asked, and not while timeouts are off", () => {
    const timing = (timeouts: boolean, timeoutMs: number) => input({ state: state([], { resilience: { ...state().resilience, timeouts, timeoutMs } }) });
    expect(changeMoment({ kind: "timeout", atMostMs: 500 }, timing(true, 500))).toBe(T0 + 60_000);
    expect(changeMoment({ kind: "timeout", atMostMs: 500 }, timing(true, 3_000))).toBeNull();
    expect(changeMoment({ kind: "timeout", atMostMs: 500 }, timing(false, 500))).toBeNull();
    expect(makesChange({ do: "resilience", resilience: { timeouts: true, timeoutMs: 500 } }, { kind: "timeout", atMostMs: 500 })).toBe(true);
    expect(makesChange({ do: "resilience", resilience: { timeouts: false, timeoutMs: 500 } }, { kind: "timeout", atMostMs: 500 })).toBe(false);
  });
  it("takes a breaker opening from its circuit event", () => {
    const events = [{ type: "circuit" as const, ts: T0 + 3, stack: "microservices" as const, from: "api-gateway", to: "product-service", state: "open" as const, reason: "5 failures" }];
    expect(changeMoment({ kind: "circuit-open", to: "product-service" }, input({ events }))).toBe(T0 + 3);
  });
});

describe("keyedFigures", () => {
  it("keeps a name two check items both give under each item's number, so neither overwrites the other", () => {
    expect(keyedFigures([{ durationMs: 3, status: 202 }, { durationMs: 9 }])).toEqual({ "1.durationMs": 3, status: 202, "2.durationMs": 9 });
  });
});
