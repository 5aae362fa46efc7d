// Telemetry events for the browser model's unit tests, with only the fields a test cares about to fill in.
import type { DbEvent, HttpEvent, QueueEvent } from "../../contract/events";

let nextSeq = 1;

export function http(fields: Partial<HttpEvent> & { from: string; to: string }, seq = nextSeq++): HttpEvent & { seq: number } {
  return { type: "http", ts: 1_000, stack: "microservices", method: "GET", path: "/", status: 200, durationMs: 5, traceId: "t1", spanId: `s${seq}`, ...fields, seq };
}

export function queue(fields: Partial<QueueEvent> & { queue: string; state: QueueEvent["state"]; service: string }, seq = nextSeq++): QueueEvent & { seq: number } {
  return { type: "queue", ts: 1_000, stack: "microservices", job: "OrderCreated", jobId: "OrderCreated-o-1", attempt: 1, traceId: "t1", ...fields, seq };
}

export function db(fields: Partial<DbEvent> & { service: string; kind: string; table: string; parentSpanId: string }, seq = nextSeq++): DbEvent & { seq: number } {
  return { type: "db", ts: 1_000, stack: "microservices", durationMs: 1, traceId: "t1", spanId: `d${seq}`, ...fields, seq };
}
