// What the page shows as snapshots, event batches and connection changes arrive: the store's reducers.
import { describe, expect, it } from "vitest";
import type { SandboxState } from "../../contract/control";
import type { NumberedEvent } from "../../contract/events";
import { DEFAULT_RESILIENCE } from "../../contract/resilience";
import {
  MAX_EVENTS,
  appendEvents,
  applySnapshot,
  applyState,
  createSandboxStore,
  initialView,
  keepNewest,
  setConnection,
  type SandboxView,
} from "./sandbox-store";

function stateWith(droppedEvents: number): SandboxState {
  return { architecture: "microservices", stacks: [], services: [], queues: [], droppedEvents, faults: [], resilience: DEFAULT_RESILIENCE, transition: null };
}

function eventsNumbered(from: number, to: number): NumberedEvent[] {
  const events: NumberedEvent[] = [];
  for (let seq = from; seq <= to; seq++) {
    events.push({ type: "log", ts: 0, stack: "microservices", service: "api-gateway", instanceId: "api-gateway-1", level: "info", line: `line ${seq}`, seq });
  }
  return events;
}

const seqs = (view: SandboxView) => view.events.map((event) => event.seq);

describe("applySnapshot", () => {
  it("replaces the state and the events the page knew with the snapshot's", () => {
    const before: SandboxView = { ...initialView, sandbox: stateWith(1), events: eventsNumbered(1, 5), receivedEvents: 5, connection: "connected" };
    const after = applySnapshot(before, { state: stateWith(9), recentEvents: eventsNumbered(40, 42) });
    expect(after.sandbox).toEqual(stateWith(9));
    expect(seqs(after)).toEqual([40, 41, 42]);
    expect(after.receivedEvents).toBe(3);
    expect(after.connection).toBe("connected");
  });

  it("keeps at most MAX_EVENTS of a long snapshot, the newest", () => {
    const after = applySnapshot(initialView, { state: stateWith(0), recentEvents: eventsNumbered(1, MAX_EVENTS + 20) });
    expect(after.events).toHaveLength(MAX_EVENTS);
    expect(after.events[0].seq).toBe(21);
  });
});

describe("applyState", () => {
  it("updates the state and leaves the events alone", () => {
    const before: SandboxView = { ...initialView, events: eventsNumbered(1, 2), receivedEvents: 2 };
    const after = applyState(before, stateWith(4));
    expect(after.sandbox?.droppedEvents).toBe(4);
    expect(after.events).toBe(before.events);
  });
});

describe("appendEvents", () => {
  it("appends a batch after the events already shown", () => {
    const before = applySnapshot(initialView, { state: stateWith(0), recentEvents: eventsNumbered(1, 3) });
    const after = appendEvents(before, eventsNumbered(4, 6));
    expect(seqs(after)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(after.receivedEvents).toBe(6);
  });

  it("does not show an event twice when a batch overlaps the snapshot", () => {
    const before = applySnapshot(initialView, { state: stateWith(0), recentEvents: eventsNumbered(1, 5) });
    const after = appendEvents(before, eventsNumbered(3, 7));
    expect(seqs(after)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(after.receivedEvents).toBe(7);
  });

  it("returns the same view when the whole batch was already seen, so nothing re-renders", () => {
    const before = applySnapshot(initialView, { state: stateWith(0), recentEvents: eventsNumbered(1, 5) });
    expect(appendEvents(before, eventsNumbered(2, 5))).toBe(before);
    expect(appendEvents(before, [])).toBe(before);
  });

  it("keeps at most MAX_EVENTS, dropping the oldest, while still counting every event received", () => {
    let view = appendEvents(initialView, eventsNumbered(1, MAX_EVENTS));
    view = appendEvents(view, eventsNumbered(MAX_EVENTS + 1, MAX_EVENTS + 30));
    expect(view.events).toHaveLength(MAX_EVENTS);
    expect(view.events[0].seq).toBe(31);
    expect(view.events.at(-1)!.seq).toBe(MAX_EVENTS + 30);
    expect(view.receivedEvents).toBe(MAX_EVENTS + 30);
    expect(view.sampledAway).toBe(0);
  });

  it("counts the events of a burst larger than the whole history as sampled away", () => {
    const view = appendEvents(initialView, eventsNumbered(1, MAX_EVENTS + 7));
    expect(view.events).toHaveLength(MAX_EVENTS);
    expect(view.sampledAway).toBe(7);
  });
});

describe("sampledAway", () => {
  it("counts the events of a burst larger than the page can keep, and only those", () => {
    let view = appendEvents(initialView, eventsNumbered(1, 10));
    expect(view.sampledAway).toBe(0);
    view = appendEvents(view, eventsNumbered(11, 10 + MAX_EVENTS + 25));
    expect(view.sampledAway).toBe(25);
    expect(view.events).toHaveLength(MAX_EVENTS);
  });

  it("starts counting again from a snapshot", () => {
    const busy = appendEvents(initialView, eventsNumbered(1, MAX_EVENTS + 5));
    expect(busy.sampledAway).toBe(5);
    expect(applySnapshot(busy, { state: stateWith(0), recentEvents: [] }).sampledAway).toBe(0);
  });
});

describe("setConnection", () => {
  it("returns the same object when the connection did not change", () => {
    const view: SandboxView = { ...initialView, connection: "connected" };
    expect(setConnection(view, "connected")).toBe(view);
  });

  it("returns a new view with the new connection when it changed", () => {
    const view: SandboxView = { ...initialView, connection: "connected" };
    const after = setConnection(view, "disconnected");
    expect(after).not.toBe(view);
    expect(after.connection).toBe("disconnected");
    expect(view.connection).toBe("connected");
  });
});

describe("keepNewest", () => {
  it("returns the same array when it is within the limit", () => {
    const items = [1, 2, 3];
    expect(keepNewest(items, 3)).toBe(items);
  });

  it("keeps the last items when there are too many", () => {
    expect(keepNewest([1, 2, 3, 4, 5], 2)).toEqual([4, 5]);
  });

  it("uses MAX_EVENTS when no limit is given", () => {
    const items = Array.from({ length: MAX_EVENTS + 1 }, (_, i) => i);
    expect(keepNewest(items)).toEqual(items.slice(1));
  });
});

describe("createSandboxStore", () => {
  it("starts from the initial view, before any snapshot", () => {
    const store = createSandboxStore();
    expect(store.getState()).toEqual({ circuits: {}, sandbox: null, events: [], receivedEvents: 0, sampledAway: 0, stream: [], connection: "connecting" });
  });
});
