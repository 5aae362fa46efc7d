// Which events the stream shows, and how one event reads as a row: time, from → to, what, status, duration.
import type { NumberedEvent, StackId, TelemetryEvent } from "../contract/events";
import { isFailure } from "./outcome";

export type EventKind = TelemetryEvent["type"];
export const EVENT_KINDS: readonly EventKind[] = ["http", "queue", "db", "lifecycle", "log", "circuit"];

export interface StreamFilter {
  /** Show only events that involve this service (or queue), or every event. */
  service: string | null;
  /** Show only one stack's events (Both mode runs two shops), or both. */
  stack: StackId | null;
  kinds: Readonly<Record<EventKind, boolean>>;
  errorsOnly: boolean;
  /** Fold the traffic generator's calls and jobs into counting rows (the default), or show each one. */
  foldGenerated: boolean;
  /** Show only these events (by sequence number), e.g. the requests a fault broke, with what they are in words. */
  only: { label: string; seqs: ReadonlySet<number> } | null;
}

export const defaultFilter: StreamFilter = {
  service: null,
  stack: null,
  // Database statements are many (a dozen an order): off in the stream unless asked for; every trace shows its own.
  kinds: { http: true, queue: true, db: false, lifecycle: true, log: true, circuit: true },
  errorsOnly: false,
  foldGenerated: true,
  only: null,
};

/** The services (and queues) an event is about. */
export function involved(event: TelemetryEvent): string[] {
  switch (event.type) {
    case "http":
      return [event.from, event.to];
    case "queue":
      return [event.service, event.queue];
    case "circuit":
      return [event.from, event.to];
    default:
      return [event.service];
  }
}

export function matchesFilter(event: TelemetryEvent & { seq?: number }, filter: StreamFilter): boolean {
  if (filter.only && !(event.seq !== undefined && filter.only.seqs.has(event.seq))) return false;
  if (!filter.kinds[event.type]) return false;
  if (filter.errorsOnly && !isFailure(event)) return false;
  if (filter.service !== null && !involved(event).includes(filter.service)) return false;
  if (filter.stack !== null && event.stack !== filter.stack) return false;
  return true;
}

/** The events to show, newest first: those after the last clear that pass the filter. */
export function visibleEvents(events: readonly NumberedEvent[], filter: StreamFilter, clearedAfterSeq: number): NumberedEvent[] {
  const shown: NumberedEvent[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event.seq <= clearedAfterSeq) break;
    if (matchesFilter(event, filter)) shown.push(event);
  }
  return shown;
}

export interface EventRow {
  route: string;
  what: string;
  status: string;
  duration: string;
}

export function describeEvent(event: TelemetryEvent): EventRow {
  const ms = (value: number | undefined) => (value === undefined ? "" : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`);
  switch (event.type) {
    case "http": {
      // In Both mode the two stacks' rows mix: a call inside the monolith says so.
      const inProcess = event.via === "in-process" ? " (in-process, monolith)" : "";
      return { route: `${event.from} → ${event.to}`, what: `${event.method} ${event.path}${inProcess}`, status: event.status ? String(event.status) : "no answer", duration: ms(event.durationMs) };
    }
    case "queue": {
      const queue = event.stack === "monolith" ? `monolith bus ${event.queue}` : event.queue;
      const route = event.state === "added" ? `${event.service} → ${queue}` : `${queue} → ${event.service}`;
      return { route, what: `${event.job}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ""}`, status: event.state, duration: ms(event.durationMs) };
    }
    case "lifecycle":
      return { route: event.service, what: `v${event.version} ${event.from} → ${event.to}: ${event.reason}`, status: event.to, duration: "" };
    case "log":
      return { route: event.service, what: event.line, status: event.level, duration: "" };
    case "circuit":
      return { route: `${event.from} → ${event.to}`, what: `circuit breaker ${event.state}: ${event.reason}`, status: event.state, duration: "" };
    case "db":
      return { route: `${event.service} → its database`, what: `${event.kind}${event.table ? ` ${event.table}` : ""}`, status: event.error ? "error" : "ok", duration: ms(event.durationMs) };
  }
}
