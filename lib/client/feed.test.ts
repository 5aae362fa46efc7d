// A reconnect's snapshot brings back events the page already took in: traces and the stream must not show them twice.
import { describe, expect, it } from "vitest";
import { DEFAULT_RESILIENCE } from "../contract/resilience";
import type { SandboxState } from "../contract/control";
import { feedEvents, feedSnapshot } from "./feed";
import { sandboxStore } from "./stores/sandbox-store";
import { traceStore } from "./stores/trace-store";
import { http } from "./testing/test-events";

const state: SandboxState = { architecture: "microservices", stacks: [], services: [], queues: [], droppedEvents: 0, faults: [], resilience: DEFAULT_RESILIENCE, transition: null };

describe("feedSnapshot and feedEvents", () => {
  it("after a reconnect, keeps the traces it had, each event once, and the stream shows the snapshot's events", () => {
    const first = [http({ traceId: "t-a", from: "client", to: "api-gateway" }, 1), http({ traceId: "t-a", from: "api-gateway", to: "product-service" }, 2)];
    feedSnapshot({ state, recentEvents: first });
    feedEvents([http({ traceId: "t-b", from: "client", to: "api-gateway" }, 3)]);
    // The connection drops and comes back: the snapshot repeats the newest events the page saw (1 and 2 have left the
    // server's history), plus what it missed.
    feedSnapshot({ state, recentEvents: [http({ traceId: "t-b", from: "client", to: "api-gateway" }, 3), http({ traceId: "t-a", from: "client", to: "api-gateway" }, 4)] });
    const traces = traceStore.getState().index.traces;
    expect(traces.get("t-a")?.map((event) => event.seq)).toEqual([1, 2, 4]);
    expect(traces.get("t-b")?.map((event) => event.seq)).toEqual([3]);
    expect(sandboxStore.getState().events.map((event) => event.seq)).toEqual([3, 4]);
  });

  it("starts the traces over when the server restarted and its numbers began again", () => {
    feedSnapshot({ state, recentEvents: [http({ traceId: "t-new", from: "client", to: "api-gateway" }, 1)] });
    const traces = traceStore.getState().index.traces;
    expect([...traces.keys()]).toEqual(["t-new"]);
  });
});
