// What the telemetry hub gives the browser: numbered events, a short history, batches, and an honest count of losses.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { NumberedEvent, TelemetryEvent } from "../../contract/events";
import { BATCH_INTERVAL_MS, HISTORY_SIZE, MAX_PENDING, TelemetryHub } from "./telemetry-hub";

function logLine(line: string): TelemetryEvent {
  return { type: "log", ts: 0, stack: "microservices", service: "order-service", instanceId: "order-service-1", level: "info", line };
}

function pushLines(hub: TelemetryHub, count: number): void {
  for (let i = 0; i < count; i++) hub.push(logLine(`line ${i}`));
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("numbering and history", () => {
  it("numbers events in the order they arrive, starting at 1", () => {
    const hub = new TelemetryHub();
    hub.push(logLine("a"));
    hub.push(logLine("b"));
    hub.push(logLine("c"));
    expect(hub.recent().map((event) => [event.seq, event.type === "log" && event.line])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
  });

  it("gives a newly connected client only the newest HISTORY_SIZE events", () => {
    const hub = new TelemetryHub();
    const total = HISTORY_SIZE * 3 + 7;
    pushLines(hub, total);
    const recent = hub.recent();
    expect(recent).toHaveLength(HISTORY_SIZE);
    expect(recent[0].seq).toBe(total - HISTORY_SIZE + 1);
    expect(recent.at(-1)!.seq).toBe(total);
  });
});

describe("batches", () => {
  it("delivers events to a subscriber in one batch after BATCH_INTERVAL_MS, not one by one", () => {
    const hub = new TelemetryHub();
    const batches: NumberedEvent[][] = [];
    hub.subscribe((batch) => batches.push(batch));
    pushLines(hub, 3);

    vi.advanceTimersByTime(BATCH_INTERVAL_MS - 1);
    expect(batches).toHaveLength(0);

    vi.advanceTimersByTime(1);
    expect(batches.map((batch) => batch.map((event) => event.seq))).toEqual([[1, 2, 3]]);
  });

  it("sends each event once: the next batch holds only what came after the last", () => {
    const hub = new TelemetryHub();
    const batches: number[][] = [];
    hub.subscribe((batch) => batches.push(batch.map((event) => event.seq)));
    pushLines(hub, 2);
    vi.advanceTimersByTime(BATCH_INTERVAL_MS);
    pushLines(hub, 1);
    vi.advanceTimersByTime(BATCH_INTERVAL_MS);
    vi.advanceTimersByTime(BATCH_INTERVAL_MS * 5);
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it("hands the same batch to every subscriber", () => {
    const hub = new TelemetryHub();
    const first: number[] = [];
    const second: number[] = [];
    hub.subscribe((batch) => first.push(...batch.map((event) => event.seq)));
    hub.subscribe((batch) => second.push(...batch.map((event) => event.seq)));
    pushLines(hub, 2);
    vi.advanceTimersByTime(BATCH_INTERVAL_MS);
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([1, 2]);
  });

  it("stops sending to a subscriber that unsubscribed", () => {
    const hub = new TelemetryHub();
    const kept: number[] = [];
    const gone: number[] = [];
    hub.subscribe((batch) => kept.push(...batch.map((event) => event.seq)));
    const unsubscribe = hub.subscribe((batch) => gone.push(...batch.map((event) => event.seq)));
    unsubscribe();
    pushLines(hub, 1);
    vi.advanceTimersByTime(BATCH_INTERVAL_MS);
    expect(kept).toEqual([1]);
    expect(gone).toEqual([]);
  });

  it("drops the oldest pending events past MAX_PENDING and counts them", () => {
    const hub = new TelemetryHub();
    const batches: NumberedEvent[][] = [];
    hub.subscribe((batch) => batches.push(batch));
    const extra = 7;
    pushLines(hub, MAX_PENDING + extra);
    vi.advanceTimersByTime(BATCH_INTERVAL_MS);

    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(MAX_PENDING);
    expect(batches[0][0].seq).toBe(extra + 1);
    expect(batches[0].at(-1)!.seq).toBe(MAX_PENDING + extra);
    expect(hub.dropped).toBe(extra);
  });

  it("keeps nothing pending while no one is listening", () => {
    const hub = new TelemetryHub();
    pushLines(hub, MAX_PENDING + 10);
    expect(vi.getTimerCount()).toBe(0);
    expect(hub.dropped).toBe(0);

    // A client that subscribes later gets the history from recent(), not a flood of old batches.
    const batches: NumberedEvent[][] = [];
    hub.subscribe((batch) => batches.push(batch));
    vi.advanceTimersByTime(BATCH_INTERVAL_MS * 2);
    expect(batches).toEqual([]);
    expect(hub.recent()).toHaveLength(HISTORY_SIZE);
  });
});

describe("emit", () => {
  it("numbers a service's batch and adds what the service threw away to dropped", () => {
    const hub = new TelemetryHub();
    hub.emit([logLine("a"), logLine("b")], 5);
    hub.emit([logLine("c")], 3);
    expect(hub.recent().map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(hub.dropped).toBe(8);
  });
});
