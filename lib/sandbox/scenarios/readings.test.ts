// A scenario's readings: the latest counts, the peaks, and what happened between two named moments.
import { describe, expect, it } from "vitest";
import type { QueueView, TrafficView } from "../../contract/control";
import { ScenarioReadings } from "./readings";

const traffic = (sent: number, failed: number, ordersAccepted: number, p95Ms: number | null = null): TrafficView => ({
  running: true,
  rps: 20,
  summary: "",
  result: null,
  startedAt: 0,
  endsAt: null,
  stacks: [{ stack: "microservices", sent, ok: sent - failed, failed, refused: 0, ordersAccepted, skipped: 0, p50Ms: null, p95Ms }],
});
const queue = (name: string, waiting: number): QueueView => ({ name, waiting, active: 0, completed: 0, failed: 0, delayed: 0 });

describe("ScenarioReadings", () => {
  it("knows nothing before the first reading", () => {
    const readings = new ScenarioReadings();
    expect(readings.readings).toBe(0);
    expect(readings.count("microservices", "sent")).toBe(0);
    expect(readings.p95("microservices")).toBeNull();
    expect(readings.peakP95Of("microservices")).toBeNull();
    expect(readings.waiting("payment-inbox")).toBe(0);
  });

  it("counts what happened between two marks, and since a mark until now", () => {
    const readings = new ScenarioReadings();
    readings.record(traffic(100, 0, 5), []);
    readings.mark("down");
    readings.record(traffic(180, 2, 12), []);
    readings.mark("up");
    readings.record(traffic(260, 2, 20), []);
    expect(readings.between("microservices", "ordersAccepted", "down", "up")).toBe(7);
    expect(readings.between("microservices", "ordersAccepted", "down")).toBe(15);
    expect(readings.between("microservices", "failed", "down", "up")).toBe(2);
    expect(readings.count("microservices", "sent")).toBe(260);
    expect(readings.count("microservices", "sent", "up")).toBe(180);
    expect(readings.hasMark("up")).toBe(true);
    expect(readings.hasMark("later")).toBe(false);
    expect(readings.between("microservices", "sent", "later")).toBe(0);
  });

  it("keeps the peak of each queue's waiting jobs and of the shoppers' p95, and the p95 at a mark", () => {
    const readings = new ScenarioReadings();
    readings.record(traffic(10, 0, 0, 12.4), [queue("payment-inbox", 3)]);
    readings.mark("hog");
    readings.record(traffic(20, 0, 0, 250.6), [queue("payment-inbox", 9)]);
    readings.record(traffic(30, 0, 0, 40), [queue("payment-inbox", 1)]);
    expect(readings.waiting("payment-inbox")).toBe(1);
    expect(readings.peakWaitingIn("payment-inbox")).toBe(9);
    expect(readings.peakP95Of("microservices")).toBe(251);
    expect(readings.p95("microservices")).toBe(40);
    expect(readings.p95("microservices", "hog")).toBe(12);
    expect(readings.readings).toBe(3);
  });

  it("never counts backwards when a new run of the traffic starts again from zero", () => {
    const readings = new ScenarioReadings();
    readings.record(traffic(100, 0, 9), []);
    readings.mark("a");
    readings.record(traffic(5, 0, 1), []);
    expect(readings.between("microservices", "ordersAccepted", "a")).toBe(0);
  });
});
