// Where the sandbox's telemetry goes: the one interface handed down to everything that produces events (instances
// hearing their processes, the supervisor's lifecycle moves), so events travel one way instead of through relays.
import type { TelemetryEvent } from "../../contract/events";

export interface EventSink {
  /** Takes events in the order they happened, and takes them over (they are numbered in place); `droppedAtSource`
   * counts those a busy process threw away instead. */
  emit(events: readonly TelemetryEvent[], droppedAtSource?: number): void;
}
