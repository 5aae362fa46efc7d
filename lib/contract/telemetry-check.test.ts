// The fast telemetry check agrees with the zod schemas it is compiled from, and a bad event is counted, not passed on.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TelemetryEventSchema, type TelemetryEvent } from "./events";
import { ChildMessageSchema } from "./ipc";
import { isTelemetryEvent, readChildMessage } from "./telemetry-check";

const call: TelemetryEvent = { type: "http", ts: 1, stack: "microservices", from: "client", to: "api-gateway", method: "GET", path: "/api/products", status: 200, durationMs: 1.5, traceId: "t", spanId: "s", via: "http" };
const job: TelemetryEvent = { type: "queue", ts: 1, stack: "microservices", queue: "orders", job: "OrderCreated", jobId: "1", state: "completed", attempt: 1, service: "payment-service", traceId: "t", durationMs: 3 };
const move: TelemetryEvent = { type: "lifecycle", ts: 1, stack: "monolith", service: "monolith", instanceId: "monolith-1", from: "starting", to: "healthy", pid: null, version: 1, reason: "r" };
const line: TelemetryEvent = { type: "log", ts: 1, stack: "microservices", service: "order-service", instanceId: "order-service-1", level: "warn", line: "l" };
const circuit: TelemetryEvent = { type: "circuit", ts: 1, stack: "microservices", from: "api-gateway", to: "order-service", state: "open", reason: "r" };
const valid = [call, job, move, line, circuit];

/** Values a buggy service might put in a field instead of the right one. */
const wrongValues = [undefined, null, "", "x", 0, 1.5, -1, Number.NaN, true, {}, [], "healthy", "microservices"];

describe("isTelemetryEvent", () => {
  it("accepts every kind of event the services send", () => {
    for (const event of valid) expect(isTelemetryEvent(event)).toBe(true);
  });

  it("says what zod says for any one field replaced by a wrong value", () => {
    for (const event of valid) {
      for (const field of [...Object.keys(event), "parentSpanId", "error", "origin", "traceId"]) {
        for (const value of wrongValues) {
          const changed = { ...event, [field]: value };
          expect(isTelemetryEvent(changed), `${event.type}.${field} = ${JSON.stringify(value)}`).toBe(TelemetryEventSchema.safeParse(changed).success);
        }
      }
    }
  });

  it("says what zod says for arbitrary objects built from the events' own fields", () => {
    const field = fc.constantFrom(...new Set(valid.flatMap((event) => Object.keys(event))));
    const value = fc.oneof(fc.constantFrom(...wrongValues), fc.string(), fc.integer(), fc.double(), fc.constantFrom(...valid.flatMap((event) => Object.values(event))));
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.dictionary(field, value, { maxKeys: 4 }), (event, changes) => {
        const changed = { ...event, ...changes };
        expect(isTelemetryEvent(changed)).toBe(TelemetryEventSchema.safeParse(changed).success);
      }),
      { numRuns: 2_000 },
    );
  });

  it("refuses what is not an event at all", () => {
    for (const value of [null, undefined, 3, "http", [], { type: "http" }, { ...call, type: "other" }]) expect(isTelemetryEvent(value)).toBe(false);
  });
});

describe("readChildMessage", () => {
  it("passes a good batch on as it came, without copying its events", () => {
    const message = readChildMessage({ type: "telemetry", events: [call, job], dropped: 2 });
    expect(message).toEqual({ type: "telemetry", events: [call, job], dropped: 2 });
    expect(message?.type === "telemetry" && message.events[0]).toBe(call);
  });

  it("leaves a bad event out and counts it as dropped, keeping the good ones of the batch", () => {
    const message = readChildMessage({ type: "telemetry", events: [call, { ...job, state: "exploded" }, line, "junk"], dropped: 1 });
    expect(message).toEqual({ type: "telemetry", events: [call, line], dropped: 3 });
  });

  it("reads a ready message, and refuses malformed envelopes as zod would", () => {
    expect(readChildMessage({ type: "ready", port: 4000 })).toEqual({ type: "ready", port: 4000 });
    for (const raw of [null, "ready", { type: "ready", port: "4000" }, { type: "ready", port: 1.5 }, { type: "telemetry", events: {}, dropped: 0 }, { type: "telemetry", events: [], dropped: "0" }, { type: "telemetry", events: [] }, { type: "other" }]) {
      expect(readChildMessage(raw), JSON.stringify(raw)).toBeUndefined();
      expect(ChildMessageSchema.safeParse(raw).success).toBe(false);
    }
  });
});
