// The check on who touched which table, against database spans shaped as the services report them: each stack's
// way, the other stack's way (the claim made false), and a run that has not touched every table yet.
import { describe, expect, it } from "vitest";
import type { DbEvent, StackId } from "../contract/events";
import type { PredicateSpec } from "../contract/lessons";
import { input, orderPlaced, T0 } from "./testing/check-fixtures";
import { evaluate } from "./predicates";

/** A statement in the trace of the order placed at T0 (see `placed`), unless another trace is named. */
const query = (ts: number, service: string, table: string, stack: StackId = "microservices", kind = "UPDATE", traceId = `t-${T0}`): DbEvent => ({ type: "db", ts, stack, service, kind, table, durationMs: 0.2, traceId, spanId: "s", parentSpanId: "p" });
const placed = orderPlaced(T0);
const owned: PredicateSpec = { is: "databaseAccess", tables: ["orders", "charges"], shared: false };
const shared: PredicateSpec = { is: "databaseAccess", tables: ["orders", "charges"], shared: true };
const microservices = [placed, query(T0 + 10, "order-service", "orders", "microservices", "INSERT"), query(T0 + 30, "payment-service", "charges", "microservices", "INSERT"), query(T0 + 40, "order-service", "orders")];
const monolith = [placed, query(T0 + 10, "monolith", "orders", "monolith", "INSERT"), query(T0 + 20, "monolith", "charges", "monolith", "INSERT"), query(T0 + 25, "monolith", "orders", "monolith")];

describe("databaseAccess", () => {
  it("passes when each table was touched by its own process only, and names who touched which", () => {
    expect(evaluate(owned, input({ events: microservices }))).toMatchObject({
      met: true,
      satisfiedAt: T0 + 30,
      figures: { stack: "microservices", processes: 2, queries: 3, "orders.readers": "order-service", "charges.readers": "payment-service" },
    });
  });
  it("says the run contradicts ownership when one process touched both tables, as the monolith does", () => {
    const outcome = evaluate(owned, input({ events: monolith }));
    expect(outcome.met).toBe(false);
    expect(outcome.contradicts).toBe("in the monolith one process touched more than one of them: orders by monolith, charges by monolith");
    expect(evaluate(owned, input({ events: [...microservices, query(T0 + 50, "order-service", "charges")] })).contradicts).toBe(
      "in the microservices one process touched more than one of them: orders by order-service, charges by payment-service and order-service",
    );
  });
  it("passes when one process touched every table, and says different processes contradict it", () => {
    expect(evaluate(shared, input({ events: monolith }))).toMatchObject({ met: true, satisfiedAt: T0 + 20, figures: { stack: "monolith", processes: 1, "charges.readers": "monolith" } });
    expect(evaluate(shared, input({ events: microservices })).contradicts).toBe("in the microservices different processes touched them: orders by order-service, charges by payment-service");
  });
  it("passes on the stack where the claim holds when both ran, and reads only the stack named when one is", () => {
    expect(evaluate(shared, input({ events: [...microservices, ...monolith] }))).toMatchObject({ met: true, figures: { stack: "monolith" } });
    expect(evaluate({ ...shared, stack: "microservices" }, input({ events: [...microservices, ...monolith] })).met).toBe(false);
  });
  it("counts only the work of requests made in the window: an order placed before it, paid late, proves nothing", () => {
    const before = microservices.slice(1).map((event) => ({ ...event, traceId: "t-before" }));
    expect(evaluate(owned, input({ events: before })).missing).toBe("no statement on orders or charges yet: place an order and let it be paid");
    expect(evaluate(owned, input({ events: [...before, ...monolith] })).contradicts).toMatch(/^in the monolith one process/);
  });
  it("waits, without a verdict, until every table has been touched; statements on other tables do not count", () => {
    const partial = evaluate(owned, input({ events: [placed, query(T0 + 10, "order-service", "orders"), query(T0 + 20, "order-service", "outbox")] }));
    expect(partial).toMatchObject({ met: false, missing: "no statement on charges yet: place an order and let it be paid" });
    expect(partial.contradicts).toBeUndefined();
  });
});
