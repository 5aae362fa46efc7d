// The telemetry checks, each against recorded sequences where the goal happened and where it nearly did.
import { describe, expect, it } from "vitest";
import { call, input, job, lifecycle, orderPlaced, service, state, T0 } from "./testing/check-fixtures";
import { evaluate } from "./predicates";

describe("restCall", () => {
  const spec = { is: "restCall", stack: "microservices", from: "api-gateway", to: "order-service", method: "POST", path: "/api/orders" } as const;
  it("passes on an answered call between the two services", () => {
    expect(evaluate(spec, input({ events: [call(T0 + 5, "api-gateway", "order-service", 202, "POST", "/api/orders")] }))).toMatchObject({ met: true, satisfiedAt: T0 + 5, figures: { "order-service.status": 202, "order-service.durationMs": 3 } });
  });
  it("does not pass on a call that got no answer, or one from the client", () => {
    const events = [call(T0 + 5, "api-gateway", "order-service", 0, "POST", "/api/orders"), call(T0 + 6, "client", "order-service", 202, "POST", "/api/orders")];
    expect(evaluate(spec, input({ events })).met).toBe(false);
  });
});

describe("ordersAcceptedWhileDown", () => {
  const spec = { is: "ordersAcceptedWhileDown", stack: "microservices", service: "payment-service", atLeast: 3 } as const;
  const killed = lifecycle(T0 + 100, "payment-service", "healthy", "crashed");
  it("passes with three orders accepted after payment-service was killed", () => {
    const events = [killed, orderPlaced(T0 + 200), orderPlaced(T0 + 300), orderPlaced(T0 + 400)];
    const result = evaluate(spec, input({ events, state: state([service("payment-service", "crashed")]) }));
    expect(result).toMatchObject({ met: true, figures: { accepted: 3 }, satisfiedAt: T0 + 400 });
  });
  it("does not count orders accepted before payment-service was killed", () => {
    const events = [orderPlaced(T0 + 10), orderPlaced(T0 + 20), killed, orderPlaced(T0 + 200), orderPlaced(T0 + 300)];
    expect(evaluate(spec, input({ events, state: state([service("payment-service", "crashed")]) }))).toMatchObject({ met: false, missing: "2 of 3 orders accepted while payment-service is down" });
  });
  it("says the run contradicts the claim when shoppers' orders failed while payment-service was down", () => {
    const refused = [T0 + 200, T0 + 300, T0 + 400].map((at) => ({ stack: "microservices" as const, method: "POST", path: "/api/orders", status: 503, durationMs: 4, at }));
    expect(evaluate(spec, input({ events: [killed], shoppers: refused, state: state([service("payment-service", "crashed")]) })).contradicts).toBe("3 orders failed while payment-service was down, 0 accepted");
    expect(evaluate(spec, input({ events: [killed], shoppers: refused.slice(1), state: state([service("payment-service", "crashed")]) })).contradicts).toBeUndefined();
  });
  it("does not count orders accepted after payment-service came back", () => {
    const events = [killed, orderPlaced(T0 + 200), lifecycle(T0 + 250, "payment-service", "crashed", "starting"), lifecycle(T0 + 260, "payment-service", "starting", "healthy"), orderPlaced(T0 + 300), orderPlaced(T0 + 400)];
    expect(evaluate(spec, input({ events, state: state([service("payment-service")]) })).figures).toEqual({ accepted: 1 });
  });
  it("counts from the window's start when payment-service was already down then", () => {
    const events = [orderPlaced(T0 + 200), orderPlaced(T0 + 300), orderPlaced(T0 + 400)];
    expect(evaluate(spec, input({ events, state: state([service("payment-service", "crashed")]) })).met).toBe(true);
  });
  it("does not count refused orders (503) while it is down", () => {
    const events = [killed, orderPlaced(T0 + 200, 503), orderPlaced(T0 + 300, 503), orderPlaced(T0 + 400)];
    expect(evaluate(spec, input({ events, state: state([service("payment-service", "crashed")]) })).met).toBe(false);
  });
  it("says so when the service has not been down at all", () => {
    expect(evaluate(spec, input({ events: [orderPlaced(T0 + 1)], state: state([service("payment-service")]) })).missing).toBe("payment-service has not been down yet");
  });
});

describe("ordersDeduplicated", () => {
  const spec = { is: "ordersDeduplicated", stack: "microservices" } as const;
  /** An order answered at `ts` whose trace published OrderCreated (a new order), or did not (given back). */
  const made = (ts: number) => [orderPlaced(ts), job(ts + 50, `t-${ts}`, "OrderCreated", "added")];

  it("passes when one answered request made the order and another was given it back", () => {
    expect(evaluate(spec, input({ events: [...made(T0 + 100), orderPlaced(T0 + 200)] }))).toMatchObject({ met: true, satisfiedAt: T0 + 200, figures: { answered: 2, created: 1, givenBack: 1 } });
  });

  it("does not pass when every request made its own order, and says so", () => {
    expect(evaluate(spec, input({ events: [...made(T0 + 100), ...made(T0 + 200)] }))).toMatchObject({ met: false, missing: "2 order requests answered, each made its own order" });
  });

  it("waits for an answer's event to be published before it counts the answer as given back", () => {
    const now = T0 + 10_000;
    expect(evaluate(spec, input({ now, events: [...made(T0 + 100), orderPlaced(now - 500)] }))).toMatchObject({ met: false, figures: { answered: 1, created: 1, givenBack: 0 } });
  });
});

describe("circuitOpen", () => {
  const spec = { is: "circuitOpen", to: "product-service" } as const;
  const circuit = (ts: number, circuitState: "open" | "half-open" | "closed") => ({ type: "circuit" as const, ts, stack: "microservices" as const, from: "api-gateway", to: "product-service", state: circuitState, reason: "5 failures" });
  it("passes when a caller's breaker to product-service opened, counting the failures before", () => {
    const events = [call(T0 + 1, "api-gateway", "product-service", 500), call(T0 + 2, "api-gateway", "product-service", 500), circuit(T0 + 3, "open"), call(T0 + 4, "api-gateway", "product-service", 503)];
    expect(evaluate(spec, input({ events }))).toMatchObject({ met: true, figures: { failedCalls: 2 }, satisfiedAt: T0 + 3 });
  });
  it("does not pass on failures alone, nor on a half-open breaker", () => {
    const events = [call(T0 + 1, "api-gateway", "product-service", 500), circuit(T0 + 3, "half-open")];
    expect(evaluate(spec, input({ events })).met).toBe(false);
  });
});
