// Circuit breakers on the graph's arrows: the latest state per caller → callee, closed forgotten, per stack.
import { describe, expect, it } from "vitest";
import type { CircuitEvent } from "../contract/events";
import { applyCircuitEvents, NO_CIRCUITS } from "./circuits";
import { appendEvents, applySnapshot, initialView } from "./stores/sandbox-store";
import { http } from "./testing/test-events";

const circuit = (fields: Partial<CircuitEvent> & Pick<CircuitEvent, "from" | "to" | "state">, seq: number) =>
  ({ type: "circuit", ts: 1_000, stack: "microservices", reason: "5 failures in a row", ...fields, seq }) as CircuitEvent & { seq: number };

describe("applyCircuitEvents", () => {
  it("keeps the latest state of each breaker on its arrow, and forgets it once closed", () => {
    let circuits = applyCircuitEvents(NO_CIRCUITS, [circuit({ from: "api-gateway", to: "product-service", state: "open" }, 1)]);
    expect(circuits["rest:api-gateway->product-service"]).toEqual({ state: "open", reason: "5 failures in a row" });
    circuits = applyCircuitEvents(circuits, [circuit({ from: "api-gateway", to: "product-service", state: "half-open", reason: "trying again" }, 2)]);
    expect(circuits["rest:api-gateway->product-service"].state).toBe("half-open");
    circuits = applyCircuitEvents(circuits, [circuit({ from: "api-gateway", to: "product-service", state: "closed" }, 3)]);
    expect(circuits).toEqual({});
  });

  it("puts a monolith breaker on the monolith's arrow, not the microservices'", () => {
    const circuits = applyCircuitEvents(NO_CIRCUITS, [circuit({ from: "order-service", to: "product-service", state: "open", stack: "monolith" }, 1)]);
    expect(Object.keys(circuits)).toEqual(["monolith/rest:order-service->product-service"]);
  });

  it("returns the same object when a batch has no circuit event, so the arrows do not redraw", () => {
    expect(applyCircuitEvents(NO_CIRCUITS, [http({ from: "client", to: "api-gateway" })])).toBe(NO_CIRCUITS);
  });
});

describe("circuit states in the page's store", () => {
  it("follow the events as they arrive and start again from the snapshot after a reconnect", () => {
    const open = circuit({ from: "api-gateway", to: "order-service", state: "open" }, 10);
    const view = appendEvents(initialView, [open]);
    expect(view.circuits["rest:api-gateway->order-service"]?.state).toBe("open");
    const state = { architecture: "microservices" } as never;
    expect(applySnapshot(view, { state, recentEvents: [] }).circuits).toEqual({});
    expect(applySnapshot(view, { state, recentEvents: [open] }).circuits["rest:api-gateway->order-service"]?.state).toBe("open");
  });
});
