// The circuit breakers the page knows of: the latest state per arrow, from the circuit events. Closed is forgotten,
// since a closed breaker is the normal case and shows nothing on the graph.
import type { CircuitEvent, TelemetryEvent } from "../contract/events";
import { restEdgeId } from "./topology";

/** Open or half-open breakers by the arrow they guard (caller → callee in its stack). */
export type CircuitStates = Readonly<Record<string, { state: "open" | "half-open"; reason: string }>>;

export const NO_CIRCUITS: CircuitStates = {};

export const circuitEdgeId = (event: CircuitEvent): string => restEdgeId(event.from, event.to, event.stack);

/** The states after these events, oldest first; the same object when none of them is a circuit event. */
export function applyCircuitEvents(circuits: CircuitStates, events: readonly TelemetryEvent[]): CircuitStates {
  let next: Record<string, { state: "open" | "half-open"; reason: string }> | null = null;
  for (const event of events) {
    if (event.type !== "circuit") continue;
    next ??= { ...circuits };
    const edge = circuitEdgeId(event);
    if (event.state === "closed") delete next[edge];
    else next[edge] = { state: event.state, reason: event.reason };
  }
  return next ?? circuits;
}
