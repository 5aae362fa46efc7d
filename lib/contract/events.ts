// The telemetry events: every REST call, queue event, database statement, lifecycle change and log line, one typed shape each.
import { z } from "zod";
import { ServiceStatusSchema } from "./services";

/** Which running copy of the shop an event came from. */
export const StackIdSchema = z.enum(["microservices", "monolith"]);
export type StackId = z.infer<typeof StackIdSchema>;

const base = {
  /** Milliseconds since the epoch, taken where the event happened. */
  ts: z.number(),
  stack: StackIdSchema,
};

/** "traffic" when the sandbox's traffic generator started the trace (a call or a queue job); absent for a person's. */
export const EventOriginSchema = z.literal("traffic");

export const HttpEventSchema = z.object({
  ...base,
  type: z.literal("http"),
  /** The calling service, or "client" for a caller outside the shop. */
  from: z.string(),
  to: z.string(),
  method: z.string(),
  path: z.string(),
  /** HTTP status, or 0 when no answer came (refused, timed out). */
  status: z.number().int(),
  durationMs: z.number(),
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  error: z.string().optional(),
  /** How the call travelled: over HTTP between processes, or as a function call inside the monolith. */
  via: z.enum(["http", "in-process"]).optional(),
  origin: EventOriginSchema.optional(),
});
export type HttpEvent = z.infer<typeof HttpEventSchema>;

export const QueueJobStateSchema = z.enum(["added", "active", "completed", "failed", "stalled", "retry"]);
export type QueueJobState = z.infer<typeof QueueJobStateSchema>;

export const QueueEventSchema = z.object({
  ...base,
  type: z.literal("queue"),
  queue: z.string(),
  /** The domain event carried by the job, e.g. "OrderCreated". */
  job: z.string(),
  jobId: z.string(),
  state: QueueJobStateSchema,
  attempt: z.number().int(),
  /** The service that published (for "added") or processed the job. */
  service: z.string(),
  /** The instance of that service that processed the job (consumers only): replicas compete for jobs. */
  instanceId: z.string().optional(),
  traceId: z.string(),
  spanId: z.string().optional(),
  /** "added": the span the publisher was in when it published; a consumer's attempt: the publish span it was caused by. */
  parentSpanId: z.string().optional(),
  durationMs: z.number().optional(),
  error: z.string().optional(),
  origin: EventOriginSchema.optional(),
});
export type QueueEvent = z.infer<typeof QueueEventSchema>;

export const LifecycleEventSchema = z.object({
  ...base,
  type: z.literal("lifecycle"),
  service: z.string(),
  instanceId: z.string(),
  from: ServiceStatusSchema,
  to: ServiceStatusSchema,
  pid: z.number().int().nullable(),
  version: z.number().int(),
  reason: z.string(),
  /** Which probe moved a running instance between healthy and unhealthy: liveness (/health) or readiness (/ready). */
  probe: z.enum(["liveness", "readiness"]).optional(),
});
export type LifecycleEvent = z.infer<typeof LifecycleEventSchema>;

export const LogEventSchema = z.object({
  ...base,
  type: z.literal("log"),
  service: z.string(),
  instanceId: z.string(),
  level: z.enum(["info", "warn", "error"]),
  line: z.string(),
  traceId: z.string().optional(),
});
export type LogEvent = z.infer<typeof LogEventSchema>;

/** A caller's circuit breaker for one callee changed state. */
export const CircuitEventSchema = z.object({
  ...base,
  type: z.literal("circuit"),
  from: z.string(),
  to: z.string(),
  state: z.enum(["closed", "open", "half-open"]),
  reason: z.string(),
});
export type CircuitEvent = z.infer<typeof CircuitEventSchema>;

/** One statement a service ran on its own database, as a child span of the call or queue job that made it. */
export const DbEventSchema = z.object({
  ...base,
  type: z.literal("db"),
  /** The process that ran it: a microservice, or the monolith. */
  service: z.string(),
  /** The statement's kind: SELECT, INSERT, UPDATE, DELETE, BEGIN, COMMIT… */
  kind: z.string(),
  /** The table it names first; empty for BEGIN and COMMIT. */
  table: z.string(),
  durationMs: z.number(),
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string(),
  error: z.string().optional(),
  origin: EventOriginSchema.optional(),
});
export type DbEvent = z.infer<typeof DbEventSchema>;

export const TelemetryEventSchema = z.discriminatedUnion("type", [
  HttpEventSchema,
  DbEventSchema,
  QueueEventSchema,
  LifecycleEventSchema,
  LogEventSchema,
  CircuitEventSchema,
]);
export type TelemetryEvent = z.infer<typeof TelemetryEventSchema>;

/** A telemetry event as it travels to the browser: numbered by the server so a client can spot gaps. */
export type NumberedEvent = TelemetryEvent & { seq: number };
