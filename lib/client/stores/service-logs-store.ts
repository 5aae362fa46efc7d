// The latest log lines and status changes of each service, for its inspector.
import { createStore } from "zustand/vanilla";
import type { NumberedEvent } from "../../contract/events";

/** Lines kept per service: a screenful, enough to read what just happened. */
export const MAX_LOG_LINES = 100;

export interface LogLine {
  seq: number;
  ts: number;
  level: "info" | "warn" | "error";
  text: string;
  traceId?: string;
}

export type ServiceLogs = Readonly<Record<string, readonly LogLine[]>>;

function lineOf(event: NumberedEvent): { service: string; line: LogLine } | null {
  if (event.type === "log") {
    return { service: event.service, line: { seq: event.seq, ts: event.ts, level: event.level, text: event.line, traceId: event.traceId } };
  }
  if (event.type === "lifecycle") {
    const level = event.to === "crashed" ? "error" : event.to === "unhealthy" ? "warn" : "info";
    return { service: event.service, line: { seq: event.seq, ts: event.ts, level, text: `v${event.version} ${event.from} → ${event.to}: ${event.reason}` } };
  }
  if (event.type === "circuit") {
    const level = event.state === "open" ? "error" : event.state === "half-open" ? "warn" : "info";
    return { service: event.from, line: { seq: event.seq, ts: event.ts, level, text: `circuit breaker to ${event.to} ${event.state}: ${event.reason}` } };
  }
  return null;
}

/** Appends the batch's lines; only the services that got new lines get a new list, so only their inspector re-renders. */
export function appendLogs(logs: ServiceLogs, events: readonly NumberedEvent[]): ServiceLogs {
  const added = new Map<string, LogLine[]>();
  for (const event of events) {
    const found = lineOf(event);
    if (!found) continue;
    const list = added.get(found.service) ?? [];
    list.push(found.line);
    added.set(found.service, list);
  }
  if (added.size === 0) return logs;
  const next: Record<string, readonly LogLine[]> = { ...logs };
  for (const [service, lines] of added) {
    const merged = [...(logs[service] ?? []), ...lines];
    next[service] = merged.length > MAX_LOG_LINES ? merged.slice(merged.length - MAX_LOG_LINES) : merged;
  }
  return next;
}

export const logsStore = createStore<ServiceLogs>()(() => ({}));
