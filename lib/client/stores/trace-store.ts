// Every trace the page has seen, kept by trace id, and one trace laid out as a waterfall of hops.
import { createStore } from "zustand/vanilla";
import type { NumberedEvent, TelemetryEvent } from "../../contract/events";
import { edgeForEvent, nodesForEvent } from "../topology";
import { outcomeOf, type Outcome } from "../outcome";

/** Traces of plain calls kept: a few seconds of heavy traffic. */
export const MAX_TRACES = 300;
/** Traces that went through the queues (orders) are kept longer: a shopper follows these. */
export const MAX_QUEUE_TRACES = 100;
/** Events kept per trace; an order's whole journey takes about 25. */
export const MAX_EVENTS_PER_TRACE = 200;

export interface TraceIndex {
  /** Events by trace id, oldest first; the map's order is the order traces were first seen. */
  traces: Map<string, NumberedEvent[]>;
  /** Trace ids that went through a queue, oldest first. */
  queueTraces: string[];
  /** Which trace carried each order: read from the queue jobs' ids, which name the order. */
  orderTraces: Map<string, string>;
}

export const emptyTraceIndex = (): TraceIndex => ({ traces: new Map(), queueTraces: [], orderTraces: new Map() });

const ORDER_ID = /o-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

export function traceIdOf(event: TelemetryEvent): string | undefined {
  return event.type === "http" || event.type === "queue" || event.type === "db" ? event.traceId : event.type === "log" ? event.traceId : undefined;
}

/** The order a queue job is about, from its job id ("OrderCreated-o-…"). */
export function orderIdOf(event: TelemetryEvent): string | undefined {
  if (event.type !== "queue") return undefined;
  return ORDER_ID.exec(event.jobId)?.[0];
}

/** Adds a batch to the index, in place (the index can hold tens of thousands of events; copying it per frame would cost more than it saves). */
export function indexEvents(index: TraceIndex, events: readonly NumberedEvent[]): TraceIndex {
  for (const event of events) {
    const traceId = traceIdOf(event);
    if (!traceId) continue;
    let list = index.traces.get(traceId);
    if (!list) {
      list = [];
      index.traces.set(traceId, list);
    }
    if (list.length < MAX_EVENTS_PER_TRACE) list.push(event);
    if (event.type === "queue" && !index.queueTraces.includes(traceId)) index.queueTraces.push(traceId);
    const orderId = orderIdOf(event);
    if (orderId && !index.orderTraces.has(orderId)) index.orderTraces.set(orderId, traceId);
  }
  evict(index);
  return index;
}

function evict(index: TraceIndex): void {
  while (index.queueTraces.length > MAX_QUEUE_TRACES) {
    const gone = index.queueTraces.shift()!;
    index.traces.delete(gone);
    for (const [order, trace] of index.orderTraces) if (trace === gone) index.orderTraces.delete(order);
  }
  const kept = new Set(index.queueTraces);
  let plain = index.traces.size - kept.size;
  for (const traceId of index.traces.keys()) {
    if (plain <= MAX_TRACES) break;
    if (kept.has(traceId)) continue;
    index.traces.delete(traceId);
    plain--;
  }
}

export interface Span {
  key: string;
  kind: "http" | "queue-wait" | "queue-work" | "db";
  label: string;
  /** Milliseconds since the epoch. */
  start: number;
  end: number;
  outcome: Outcome;
  /** The arrow to light up when the span is pointed at. */
  edge: string | null;
  /** How deep in the call tree (0 for the shopper's own call). */
  depth: number;
}

/**
 * One trace as hops: each HTTP call (it ended at `ts` after `durationMs`), and each queue job as its wait in the
 * queue (added → taken) and its handling (taken → completed or failed). Sorted by start.
 */
export function traceSpans(events: readonly TelemetryEvent[]): Span[] {
  const spans: Span[] = [];
  const depthOfSpan = new Map<string, number>();
  const http = events.filter((event) => event.type === "http").sort((a, b) => a.ts - a.durationMs - (b.ts - b.durationMs));
  for (const event of http) {
    const depth = event.parentSpanId !== undefined && depthOfSpan.has(event.parentSpanId) ? depthOfSpan.get(event.parentSpanId)! + 1 : 0;
    depthOfSpan.set(event.spanId, depth);
    spans.push({
      key: `http-${event.spanId}`,
      kind: "http",
      label: `${event.from} → ${event.to} ${event.method} ${event.path} ${event.status || "no answer"}${event.via === "in-process" ? " (in-process)" : ""}`,
      start: event.ts - event.durationMs,
      end: event.ts,
      outcome: outcomeOf(event),
      edge: edgeForEvent(event),
      depth,
    });
  }
  const jobs = new Map<string, TelemetryEvent[]>();
  for (const event of events) {
    if (event.type !== "queue") continue;
    const key = `${event.queue}/${event.jobId}`;
    jobs.set(key, [...(jobs.get(key) ?? []), event]);
  }
  for (const [key, list] of jobs) {
    const queueEvents = list.filter((event) => event.type === "queue").sort((a, b) => a.ts - b.ts);
    const added = queueEvents.find((event) => event.state === "added");
    const first = queueEvents[0];
    const taken = queueEvents.filter((event) => event.state === "active");
    const lastTaken = taken.at(-1);
    const ended = queueEvents.filter((event) => event.state === "completed" || event.state === "failed").at(-1);
    const depth = 1;
    if (added) {
      spans.push({
        key: `wait-${key}`,
        kind: "queue-wait",
        label: `${first.job} waits in ${first.queue}${lastTaken ? "" : " (not taken yet)"}`,
        start: added.ts,
        // The publisher stamps "added" as it hands the job over; should another process's clock ever read earlier, the
        // wait is nothing rather than negative.
        end: Math.max(added.ts, (taken[0] ?? ended ?? added).ts),
        outcome: "message",
        edge: edgeForEvent(added),
        depth,
      });
    }
    if (lastTaken) {
      const failed = ended?.state === "failed";
      spans.push({
        key: `work-${key}`,
        kind: "queue-work",
        label: `${lastTaken.service} handles ${first.job}${lastTaken.attempt > 1 ? ` (attempt ${lastTaken.attempt})` : ""}${ended ? (failed ? ": failed" : "") : " (still running)"}`,
        start: lastTaken.ts,
        end: ended ? ended.ts : lastTaken.ts,
        outcome: failed ? "failure" : ended ? "success" : "message",
        edge: edgeForEvent(lastTaken),
        depth: depth + 1,
      });
      if (lastTaken.spanId) depthOfSpan.set(lastTaken.spanId, depth + 1);
    }
  }
  // Each database statement under the call or job that made it (OpenTelemetry's database spans: operation and table).
  for (const event of events) {
    if (event.type !== "db") continue;
    spans.push({
      key: `db-${event.spanId}`,
      kind: "db",
      label: `${event.service} ${event.kind}${event.table ? ` ${event.table}` : ""}${event.error ? `: ${event.error}` : ""}`,
      start: event.ts - event.durationMs,
      end: event.ts,
      outcome: outcomeOf(event),
      edge: null,
      depth: (depthOfSpan.get(event.parentSpanId) ?? 0) + 1,
    });
  }
  return spans.sort((a, b) => a.start - b.start || a.depth - b.depth);
}

/** The arrows and boxes a trace touched: what the graph lights up while the trace is selected. */
export function traceFootprint(events: readonly TelemetryEvent[]): { edges: Set<string>; nodes: Set<string> } {
  const edges = new Set<string>();
  const nodes = new Set<string>();
  for (const event of events) {
    const edge = edgeForEvent(event);
    if (edge) edges.add(edge);
    if (event.type === "http" || event.type === "queue") for (const node of nodesForEvent(event)) nodes.add(node);
  }
  return { edges, nodes };
}

/**
 * The page's trace index. The index itself changes in place; `counts` tells subscribers which traces grew, so a
 * waterfall re-renders only when its own trace got events.
 */
export interface TraceStoreState {
  index: TraceIndex;
  version: number;
}

export const traceStore = createStore<TraceStoreState>()(() => ({ index: emptyTraceIndex(), version: 0 }));

export function recordTraces(events: readonly NumberedEvent[]): void {
  const { index, version } = traceStore.getState();
  indexEvents(index, events);
  traceStore.setState({ index, version: version + 1 }, true);
}

/** Forgets every trace: a new snapshot starts a new history. */
export function resetTraces(): void {
  traceStore.setState({ index: emptyTraceIndex(), version: 0 }, true);
}

/** How many events a trace has: a cheap, comparable value to subscribe to. */
export const traceSize = (state: TraceStoreState, traceId: string): number => state.index.traces.get(traceId)?.length ?? 0;
