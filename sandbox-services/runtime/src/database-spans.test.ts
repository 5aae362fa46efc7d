// Database spans: a statement run while serving a call or a job is reported as a child of it (the caller's span for
// a call between services), with its kind, table and duration; one run outside any trace is not reported.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TelemetryEvent } from "../../../lib/contract/events";
import { onQuery, openDatabase } from "./database";
import { reportDatabaseSpans } from "./database-spans";
import { runInTrace } from "./trace";

// What the process would send its supervisor, caught where it is handed to the telemetry batcher.
const events: TelemetryEvent[] = [];
vi.mock("./telemetry", () => ({ emit: (event: TelemetryEvent) => events.push(event) }));

afterEach(() => {
  onQuery(undefined);
  events.length = 0;
});

describe("reportDatabaseSpans", () => {
  it("reports a statement under the work being served, and nothing outside a trace", () => {
    reportDatabaseSpans("order-service", "microservices");
    const db = openDatabase(":memory:");
    db.run("CREATE TABLE orders (id TEXT PRIMARY KEY)");
    runInTrace({ traceId: "a".repeat(32), spanId: "1111111111111111", origin: "traffic" }, () => db.run("INSERT INTO orders VALUES ('o-1')"));
    runInTrace({ traceId: "a".repeat(32), spanId: "2222222222222222", parentSpanId: "3333333333333333", reportedSpanId: "3333333333333333" }, () => {
      expect(() => db.run("INSERT INTO orders VALUES ('o-1')")).toThrow();
    });
    expect(events).toEqual([
      expect.objectContaining({ type: "db", service: "order-service", stack: "microservices", kind: "INSERT", table: "orders", traceId: "a".repeat(32), parentSpanId: "1111111111111111", origin: "traffic", durationMs: expect.any(Number) }),
      expect.objectContaining({ type: "db", kind: "INSERT", table: "orders", parentSpanId: "3333333333333333", error: expect.stringMatching(/UNIQUE/) }),
    ]);
    expect((events[0] as { spanId: string }).spanId).toMatch(/^[0-9a-f]{16}$/);
  });
});
