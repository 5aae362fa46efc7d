// Traces kept by id, the order each one carried, and a trace as a waterfall of HTTP hops and queue waits.
import { describe, expect, it } from "vitest";
import { MAX_QUEUE_TRACES, MAX_TRACES, emptyTraceIndex, indexEvents, orderIdOf, traceFootprint, traceSpans } from "./trace-store";
import { db, http, queue } from "../testing/test-events";

const ORDER = "o-12345678-1234-1234-1234-123456789abc";

/** An order's journey, as the services report it (ts is when each step ended). */
function orderJourney(traceId = "trace-order") {
  return [
    http({ traceId, from: "api-gateway", to: "order-service", method: "POST", path: "/orders", status: 202, ts: 1_100, durationMs: 60, spanId: "b", parentSpanId: "a" }),
    http({ traceId, from: "client", to: "api-gateway", method: "POST", path: "/api/orders", status: 202, ts: 1_105, durationMs: 100, spanId: "a" }),
    queue({ traceId, queue: "payment-inbox", job: "OrderCreated", jobId: `OrderCreated-${ORDER}`, state: "added", service: "order-service", ts: 1_090, attempt: 0 }),
    queue({ traceId, queue: "payment-inbox", job: "OrderCreated", jobId: `OrderCreated-${ORDER}`, state: "active", service: "payment-service", ts: 1_110 }),
    queue({ traceId, queue: "payment-inbox", job: "OrderCreated", jobId: `OrderCreated-${ORDER}`, state: "completed", service: "payment-service", ts: 1_170, durationMs: 60 }),
  ];
}

describe("indexEvents", () => {
  it("groups events by trace and learns which trace carried an order from its queue jobs' ids", () => {
    const index = indexEvents(emptyTraceIndex(), [...orderJourney(), http({ traceId: "other", from: "client", to: "api-gateway" })]);
    expect(index.traces.get("trace-order")).toHaveLength(5);
    expect(index.traces.get("other")).toHaveLength(1);
    expect(index.orderTraces.get(ORDER)).toBe("trace-order");
    expect(orderIdOf(orderJourney()[2])).toBe(ORDER);
  });

  it("keeps order traces while a flood of plain calls pushes older plain traces out", () => {
    const index = indexEvents(emptyTraceIndex(), orderJourney());
    const flood = Array.from({ length: MAX_TRACES + 50 }, (_, i) => http({ traceId: `get-${i}`, from: "client", to: "api-gateway" }));
    indexEvents(index, flood);
    expect(index.traces.has("trace-order")).toBe(true);
    expect(index.traces.has("get-0")).toBe(false);
    expect(index.traces.has(`get-${MAX_TRACES + 49}`)).toBe(true);
    expect(index.traces.size).toBe(MAX_TRACES + 1);
  });

  it("keeps at most MAX_QUEUE_TRACES order traces, forgetting the oldest and its order", () => {
    const index = emptyTraceIndex();
    for (let i = 0; i <= MAX_QUEUE_TRACES; i++) indexEvents(index, [queue({ traceId: `order-${i}`, queue: "payment-inbox", state: "added", service: "order-service", jobId: `OrderCreated-o-0000000${i % 10}-1234-1234-1234-123456789abc` })]);
    expect(index.queueTraces).toHaveLength(MAX_QUEUE_TRACES);
    expect(index.traces.has("order-0")).toBe(false);
  });
});

describe("traceSpans", () => {
  it("lays out HTTP hops from their start, nested under their caller, and each job as its wait and its handling", () => {
    const spans = traceSpans(orderJourney());
    expect(spans.map((span) => [span.kind, span.label, span.start, span.end, span.depth])).toEqual([
      ["http", "client → api-gateway POST /api/orders 202", 1_005, 1_105, 0],
      ["http", "api-gateway → order-service POST /orders 202", 1_040, 1_100, 1],
      ["queue-wait", "OrderCreated waits in payment-inbox", 1_090, 1_110, 1],
      ["queue-work", "payment-service handles OrderCreated", 1_110, 1_170, 2],
    ]);
    expect(spans.find((span) => span.kind === "queue-work")?.outcome).toBe("success");
  });

  it("marks a call with no answer and a failed job as failures", () => {
    const spans = traceSpans([
      http({ from: "api-gateway", to: "order-service", status: 0, ts: 10, durationMs: 3 }),
      queue({ queue: "order-inbox", state: "added", service: "payment-service", ts: 1 }),
      queue({ queue: "order-inbox", state: "active", service: "order-service", ts: 2 }),
      queue({ queue: "order-inbox", state: "failed", service: "order-service", ts: 5 }),
    ]);
    expect(spans.find((span) => span.kind === "http")?.label).toContain("no answer");
    expect(spans.filter((span) => span.outcome === "failure").map((span) => span.kind)).toEqual(["queue-work", "http"]);
  });
});

describe("database spans", () => {
  it("hang each statement under the call or job that made it, one level deeper, and the trace holds them", () => {
    const journey = orderJourney();
    const active = queue({ traceId: "trace-order", queue: "payment-inbox", job: "OrderCreated", jobId: `OrderCreated-${ORDER}`, state: "active", service: "payment-service", ts: 1_110, spanId: "job" });
    const statements = [
      db({ traceId: "trace-order", service: "order-service", kind: "INSERT", table: "outbox", parentSpanId: "b", ts: 1_080, durationMs: 2 }),
      db({ traceId: "trace-order", service: "payment-service", kind: "INSERT", table: "charges", parentSpanId: "job", ts: 1_120, durationMs: 1, error: "UNIQUE constraint failed: charges.order_id" }),
    ];
    const index = indexEvents(emptyTraceIndex(), [...journey.slice(0, 3), active, journey[4], ...statements]);
    const spans = traceSpans(index.traces.get("trace-order")!);
    const depthOf = (label: string) => spans.find((span) => span.label.startsWith(label))!.depth;
    expect(spans.filter((span) => span.kind === "db").map((span) => span.label)).toEqual(["order-service INSERT outbox", "payment-service INSERT charges: UNIQUE constraint failed: charges.order_id"]);
    expect(depthOf("order-service INSERT outbox")).toBe(depthOf("api-gateway → order-service") + 1);
    expect(depthOf("payment-service INSERT charges")).toBe(depthOf("payment-service handles") + 1);
    expect(spans.find((span) => span.label.startsWith("order-service INSERT"))).toMatchObject({ start: 1_078, end: 1_080, edge: null });
  });
});

describe("a job's wait in its queue", () => {
  it("is never negative, even when the publisher's 'added' reads later than the consumer's 'active'", () => {
    const spans = traceSpans([
      queue({ queue: "order-inbox", job: "PaymentSucceeded", state: "active", service: "order-service", ts: 1_000 }),
      queue({ queue: "order-inbox", job: "PaymentSucceeded", state: "added", service: "payment-service", ts: 1_038 }),
      queue({ queue: "order-inbox", job: "PaymentSucceeded", state: "completed", service: "order-service", ts: 1_050 }),
    ]);
    const wait = spans.find((span) => span.kind === "queue-wait")!;
    expect(wait.end - wait.start).toBe(0);
    expect(spans.every((span) => span.end >= span.start)).toBe(true);
  });
});

describe("traceFootprint", () => {
  it("names the arrows and boxes a trace touched, for the graph to light up", () => {
    const { edges, nodes } = traceFootprint(orderJourney());
    expect([...edges].sort()).toEqual(["consume:payment-inbox->payment-service", "publish:order-service->payment-inbox", "rest:api-gateway->order-service", "rest:client->api-gateway"]);
    expect(nodes.has("queue:payment-inbox")).toBe(true);
    expect(nodes.has("user-service")).toBe(false);
  });
});
