// What the event stream shows: filtered by service, kind and errors, newest first, and how each row reads.
import { describe, expect, it } from "vitest";
import type { NumberedEvent } from "../contract/events";
import { defaultFilter, describeEvent, matchesFilter, visibleEvents } from "./event-filter";
import { http, queue } from "./testing/test-events";

const log = (seq: number, level: "info" | "error" = "info"): NumberedEvent => ({ type: "log", ts: 0, stack: "microservices", service: "order-service", instanceId: "order-service-1", level, line: "hello", seq });

describe("matchesFilter", () => {
  it("keeps events that involve the chosen service or queue, on either end", () => {
    const filter = { ...defaultFilter, service: "order-service" };
    expect(matchesFilter(http({ from: "api-gateway", to: "order-service" }), filter)).toBe(true);
    expect(matchesFilter(http({ from: "order-service", to: "product-service" }), filter)).toBe(true);
    expect(matchesFilter(http({ from: "client", to: "api-gateway" }), filter)).toBe(false);
    expect(matchesFilter(queue({ queue: "payment-inbox", state: "added", service: "order-service" }), { ...defaultFilter, service: "payment-inbox" })).toBe(true);
  });

  it("keeps only the checked kinds", () => {
    const filter = { ...defaultFilter, kinds: { ...defaultFilter.kinds, log: false } };
    expect(matchesFilter(log(1), filter)).toBe(false);
    expect(matchesFilter(http({ from: "client", to: "api-gateway" }), filter)).toBe(true);
  });

  it("with errors only, keeps 5xx, unanswered calls, failed jobs and error logs, not a 4xx", () => {
    const filter = { ...defaultFilter, errorsOnly: true };
    expect(matchesFilter(http({ from: "a", to: "b", status: 503 }), filter)).toBe(true);
    expect(matchesFilter(http({ from: "a", to: "b", status: 0 }), filter)).toBe(true);
    expect(matchesFilter(http({ from: "a", to: "b", status: 409 }), filter)).toBe(false);
    expect(matchesFilter(queue({ queue: "q", state: "failed", service: "s" }), filter)).toBe(true);
    expect(matchesFilter(log(1, "error"), filter)).toBe(true);
    expect(matchesFilter(log(2), filter)).toBe(false);
  });
});

describe("visibleEvents", () => {
  it("lists newest first and stops at the last clear", () => {
    const events = [log(1), log(2), log(3), log(4)];
    expect(visibleEvents(events, defaultFilter, -1).map((event) => event.seq)).toEqual([4, 3, 2, 1]);
    expect(visibleEvents(events, defaultFilter, 2).map((event) => event.seq)).toEqual([4, 3]);
  });
});

describe("describeEvent", () => {
  it("reads a call as from → to, method and path, status and duration", () => {
    expect(describeEvent(http({ from: "client", to: "api-gateway", method: "POST", path: "/api/orders", status: 202, durationMs: 86.4 }))).toEqual({
      route: "client → api-gateway",
      what: "POST /api/orders",
      status: "202",
      duration: "86 ms",
    });
    expect(describeEvent(http({ from: "a", to: "b", status: 0 })).status).toBe("no answer");
  });

  it("reads a queue job by the direction it moves: into the queue when added, out to the consumer otherwise", () => {
    expect(describeEvent(queue({ queue: "payment-inbox", state: "added", service: "order-service" })).route).toBe("order-service → payment-inbox");
    expect(describeEvent(queue({ queue: "payment-inbox", state: "active", service: "payment-service", attempt: 2 }))).toMatchObject({
      route: "payment-inbox → payment-service",
      what: "OrderCreated (attempt 2)",
    });
  });
});

describe("describeEvent in the monolith", () => {
  it("says a call was in-process and that a queue is the monolith's bus, so Both mode's rows cannot be confused", () => {
    const call = describeEvent({ type: "http", ts: 0, stack: "monolith", from: "order-service", to: "product-service", method: "POST", path: "/reservations", status: 201, durationMs: 0.4, traceId: "t", spanId: "s", via: "in-process" });
    expect(call.what).toBe("POST /reservations (in-process, monolith)");
    const job = describeEvent({ type: "queue", ts: 0, stack: "monolith", queue: "payment-inbox", job: "OrderCreated", jobId: "j", state: "active", attempt: 1, service: "payment-service", traceId: "t" });
    expect(job.route).toBe("monolith bus payment-inbox → payment-service");
  });
});
