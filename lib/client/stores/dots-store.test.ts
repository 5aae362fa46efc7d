// The moving dots: one per travelling event, coloured by outcome, capped per arrow and overall, removed on arrival.
import { describe, expect, it } from "vitest";
import { DOT_MS, MAX_DOTS, MAX_DOTS_PER_EDGE, addDots, emptyDots, expireDots } from "./dots-store";
import { http, queue } from "../testing/test-events";

describe("addDots", () => {
  it("launches a dot on the event's arrow, green for an answer and red for a failure", () => {
    const state = addDots(emptyDots, [http({ from: "client", to: "api-gateway" }), http({ from: "api-gateway", to: "order-service", status: 503 })], 0);
    expect(state.byEdge["rest:client->api-gateway"].map((dot) => dot.outcome)).toEqual(["success"]);
    expect(state.byEdge["rest:api-gateway->order-service"].map((dot) => dot.outcome)).toEqual(["failure"]);
    expect(state.total).toBe(2);
  });

  it("draws no more than MAX_DOTS_PER_EDGE on one arrow, counting the rest as skipped", () => {
    const burst = Array.from({ length: MAX_DOTS_PER_EDGE + 5 }, () => http({ from: "client", to: "api-gateway" }));
    const state = addDots(emptyDots, burst, 0);
    expect(state.byEdge["rest:client->api-gateway"]).toHaveLength(MAX_DOTS_PER_EDGE);
    expect(state.skipped).toBe(5);
  });

  it("draws no more than MAX_DOTS on the whole graph", () => {
    const services = Array.from({ length: 100 }, (_, i) => `service-${i}`);
    const burst = services.flatMap((to) => Array.from({ length: 3 }, () => http({ from: "client", to })));
    const state = addDots(emptyDots, burst, 0);
    expect(state.total).toBe(MAX_DOTS);
    expect(state.skipped).toBe(burst.length - MAX_DOTS);
  });

  it("leaves the other arrows' lists untouched, so only the arrows that got a dot re-render", () => {
    const before = addDots(emptyDots, [http({ from: "client", to: "api-gateway" })], 0);
    const after = addDots(before, [queue({ queue: "payment-inbox", state: "added", service: "order-service" })], 0);
    expect(after.byEdge["rest:client->api-gateway"]).toBe(before.byEdge["rest:client->api-gateway"]);
    expect(addDots(after, [queue({ queue: "payment-inbox", state: "completed", service: "payment-service" })], 0)).toBe(after);
  });
});

describe("expireDots", () => {
  it("removes dots that have arrived, and returns the same state when none has", () => {
    const state = addDots(emptyDots, [http({ from: "client", to: "api-gateway" })], 0);
    expect(expireDots(state, DOT_MS - 1)).toBe(state);
    const after = expireDots(state, DOT_MS);
    expect(after.byEdge["rest:client->api-gateway"]).toBeUndefined();
    expect(after.total).toBe(0);
  });
});
