// Telemetry events for the browser model's unit tests, with only the fields a test cares about to fill in.
import type { HttpEvent, QueueEvent } from "../../contract/events";

let nextSeq = 1;

export function http(fields: Partial<HttpEvent> & { from: string; to: string }, seq = nextSeq++): HttpEvent & { seq: number } {
  return { type: "http", ts: 1_000, stack: "microservices", method: "GET", path: "/", status: 200, durationMs: 5, traceId: "t1", spanId: `s${seq}`, ...fields, seq };
}

export function queue(fields: Partial<QueueEvent> & { queue: string; state: QueueEvent["state"]; service: string }, seq = nextSeq++): QueueEvent & { seq: number } {
  return { type: "queue", ts: 1_000, stack: "microservices", job: "OrderCreated", jobId: "OrderCreated-o-1", attempt: 1, traceId: "t1", ...fields, seq };
}
