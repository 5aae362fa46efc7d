// The timeline's marks: a service down and back (its start-up is not news), a redeploy, a fault added and cleared, a
// scenario's steps; and the requests a fault broke, with the failures they caused upstream in the same trace.
import { describe, expect, it } from "vitest";
import type { NumberedEvent } from "../contract/events";
import { service, state } from "../lessons/testing/check-fixtures";
import { brokenBy, marks } from "./timeline-marks";

const T = 1_800_000_000_000;
const move = (seq: number, ts: number, from: string, to: string, version = 1, id = "payment-service", reason = "test"): NumberedEvent =>
  ({ type: "lifecycle", seq, ts, stack: "microservices", service: id, instanceId: `${id}-1`, from, to, pid: 200 + seq, version, reason }) as NumberedEvent;
const call = (seq: number, ts: number, from: string, to: string, status: number, traceId: string): NumberedEvent =>
  ({ type: "http", seq, ts, stack: "microservices", from, to, method: "POST", path: "/x", status, durationMs: 5, traceId }) as NumberedEvent;
const snapshot = (at: number, faults: unknown[] = []) => ({ kind: "snapshot" as const, at, state: { ...state([service("payment-service"), service("order-service")]), faults } as never });
const run = (events: NumberedEvent[], snapshots = [snapshot(T)]) => ({ header: { kind: "header" }, snapshots, events }) as never;

describe("timeline marks", () => {
  it("marks a service going down and coming back, but not services starting up", () => {
    const events = [move(1, T + 100, "stopped", "starting", 1, "order-service"), move(2, T + 200, "starting", "healthy", 1, "order-service"), move(3, T + 1_000, "healthy", "crashed"), move(4, T + 2_000, "crashed", "starting"), move(5, T + 2_500, "starting", "healthy")];
    expect(marks(run(events))).toEqual([
      { at: T + 1_000, label: "payment-service crashed", kind: "down" },
      { at: T + 2_500, label: "payment-service healthy again", kind: "up" },
    ]);
  });

  it("marks a redeploy as its new version starting, and a fault when it was added and when it was gone", () => {
    const latency = { id: "f-1", service: "product-service", type: "latency" as const, ms: 300, createdAt: T + 2_000 };
    const why = "replaced by a redeploy";
    const redeploy = [move(10, T + 1_000, "healthy", "stopping", 1, undefined, why), move(11, T + 1_100, "stopping", "stopped", 1, undefined, `${why} (exited)`), move(12, T + 1_200, "stopped", "starting", 2), move(13, T + 1_500, "starting", "healthy", 2)];
    expect(marks(run(redeploy, [snapshot(T), snapshot(T + 5_000, [latency]), snapshot(T + 10_000)]))).toEqual([
      { at: T + 1_000, label: "payment-service v2 deploying", kind: "deploy" },
      { at: T + 2_000, label: "latency fault on product-service added", kind: "fault", fault: { service: "product-service", peer: undefined, stack: undefined, from: T + 2_000, to: T + 10_000 } },
      { at: T + 10_000, label: "latency fault on product-service cleared", kind: "fault" },
    ]);
  });

  it("says killed for a kill, stopped for a stop, and nothing down for a rolling redeploy's or a scale-down's retired instance", () => {
    const events = [
      move(1, T + 100, "healthy", "stopping", 1, "payment-service", "killed by the user"),
      move(2, T + 110, "stopping", "stopped", 1, "payment-service", "killed by the user (SIGKILL)"),
      move(3, T + 200, "healthy", "stopping", 1, "order-service", "stopped by the user"),
      move(4, T + 300, "stopping", "stopped", 1, "order-service", "stopped by the user (exited)"),
      move(5, T + 400, "stopped", "starting", 2, "order-service"),
      move(6, T + 500, "stopping", "stopped", 1, "order-service", "replaced by v2 (exited)"),
      move(7, T + 600, "stopping", "stopped", 2, "order-service", "scaled down to 1 (exited)"),
    ];
    expect(marks(run(events)).map((mark) => mark.label)).toEqual(["payment-service killed", "order-service stopped", "order-service v2 deploying"]);
  });

  it("marks each step a scenario told", () => {
    const step = { type: "log", seq: 1, ts: T + 300, stack: "microservices", service: "scenario", instanceId: "payment-outage", level: "info", line: "payment-outage: killing payment-service" } as NumberedEvent;
    const ordinary = { ...step, seq: 2, service: "order-service" } as NumberedEvent;
    expect(marks(run([step, ordinary]))).toEqual([{ at: T + 300, label: "scenario: payment-outage: killing payment-service", kind: "scenario" }]);
  });

  it("finds the requests a fault broke: failures at its service while in force, and what they broke upstream", () => {
    const fault = { service: "payment-service", from: T + 1_000, to: T + 5_000 };
    const events = [
      call(1, T + 500, "order-service", "payment-service", 500, "before"),
      call(2, T + 1_500, "order-service", "payment-service", 0, "a"),
      call(3, T + 1_510, "api-gateway", "order-service", 502, "a"),
      call(4, T + 1_600, "api-gateway", "order-service", 502, "unrelated"),
      call(5, T + 2_000, "order-service", "payment-service", 200, "b"),
      call(6, T + 6_000, "order-service", "payment-service", 500, "after"),
    ];
    expect(brokenBy(events, fault)).toEqual([2, 3]);
    expect(brokenBy(events, { ...fault, to: null })).toEqual([2, 3, 6]);
    expect(brokenBy(events, { ...fault, stack: "monolith" })).toEqual([]);
  });
});
