// W3C trace context: one trace id follows a request across HTTP hops and into queue jobs.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

/** Who started a trace: "traffic" when the sandbox's traffic generator did, so the page can fold it; absent for a person. */
export type TraceOrigin = "traffic";

export interface TraceContext {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  origin?: TraceOrigin;
  /** The span the trace reports for this work when it is not this one: a call between services is reported by its caller, under the caller's span. */
  reportedSpanId?: string;
}

/** The header that carries the origin between processes, next to `traceparent`. */
export const ORIGIN_HEADER = "x-sandbox-origin";

/** Reads the origin header; anything but the one known value is no origin. */
export const originFrom = (value: unknown): TraceOrigin | undefined => (value === "traffic" ? "traffic" : undefined);

/** The origin as a field of a telemetry event: absent (not undefined) for a person's trace, to keep events small. */
export const originField = (span: TraceContext | undefined): { origin?: TraceOrigin } => (span?.origin ? { origin: span.origin } : {});

const storage = new AsyncLocalStorage<TraceContext>();

/**
 * Ids are cut from a pool of random bytes filled 4 KB at a time: two ids a hop, each its own call into the crypto
 * library, would be a visible share of a gateway's CPU under load. Trace ids are not secrets; they must only not collide.
 */
const POOL_BYTES = 4_096;
let pool = Buffer.alloc(0);
let used = 0;
function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  const hex = pool.toString("hex", used, used + bytes);
  used += bytes;
  return hex;
}

export const newTraceId = (): string => randomHex(16);
export const newSpanId = (): string => randomHex(8);

/** Reads a `traceparent` header value; undefined when absent or malformed. */
export function parseTraceparent(value: string | undefined | null): { traceId: string; spanId: string } | undefined {
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/.exec(value?.trim() ?? "");
  return match ? { traceId: match[1], spanId: match[2] } : undefined;
}

export const formatTraceparent = (traceId: string, spanId: string): string => `00-${traceId}-${spanId}-01`;

/** A new span, child of the incoming traceparent if there is one, otherwise the root of a new trace. */
export function spanFrom(traceparent: string | undefined | null, origin?: TraceOrigin): TraceContext {
  const parent = parseTraceparent(traceparent);
  const span: TraceContext = parent ? { traceId: parent.traceId, spanId: newSpanId(), parentSpanId: parent.spanId } : { traceId: newTraceId(), spanId: newSpanId() };
  if (origin) span.origin = origin;
  return span;
}

/** A new span under the current one (or a new trace when there is none). */
export function childSpan(): TraceContext {
  const current = storage.getStore();
  if (!current) return { traceId: newTraceId(), spanId: newSpanId() };
  const span: TraceContext = { traceId: current.traceId, spanId: newSpanId(), parentSpanId: current.spanId };
  if (current.origin) span.origin = current.origin;
  return span;
}

export const currentTrace = (): TraceContext | undefined => storage.getStore();

export function runInTrace<T>(context: TraceContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Runs `fn`, and every timer and callback it sets up, in no trace: background work is nobody's request. */
export function outsideTrace<T>(fn: () => T): T {
  return storage.exit(fn);
}
