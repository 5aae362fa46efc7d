// Collects every telemetry event of the sandbox, numbers it, keeps a short history and hands it out in batches.
import type { NumberedEvent, TelemetryEvent } from "../../contract/events";
import type { EventSink } from "./event-sink";

/** Events kept for a client that connects now; older ones are only in the clients that saw them. */
export const HISTORY_SIZE = 500;
/** Batches go out this often: small enough to feel live, large enough to spare the socket. */
export const BATCH_INTERVAL_MS = 50;
/** A batch holds at most this many; beyond, the oldest pending events are dropped and counted. */
export const MAX_PENDING = 20_000;

export class TelemetryHub implements EventSink {
  private seq = 0;
  private history: NumberedEvent[] = [];
  private pending: NumberedEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(batch: NumberedEvent[]) => void>();
  /** Events lost anywhere: thrown away by a busy service, or by the hub when no one could keep up. */
  dropped = 0;

  /** Takes the event over: it is numbered in place (a copy of each, at 10,000 events/s, would be garbage to collect). */
  push(event: TelemetryEvent): void {
    const numbered = event as NumberedEvent;
    numbered.seq = ++this.seq;
    this.history.push(numbered);
    if (this.history.length > HISTORY_SIZE * 2) this.history = this.history.slice(-HISTORY_SIZE);
    if (this.listeners.size === 0) return;
    if (this.pending.length >= MAX_PENDING) {
      this.pending.shift();
      this.dropped++;
    }
    this.pending.push(numbered);
    this.timer ??= setTimeout(() => this.flush(), BATCH_INTERVAL_MS);
  }

  emit(events: readonly TelemetryEvent[], droppedAtSource = 0): void {
    this.dropped += droppedAtSource;
    for (const event of events) this.push(event);
  }

  /** The number given to the last event so far: a state read now holds every lifecycle move up to it. */
  get lastSeq(): number {
    return this.seq;
  }

  recent(): NumberedEvent[] {
    return this.history.slice(-HISTORY_SIZE);
  }

  /** Calls `listener` with every batch; returns the function that stops it. */
  subscribe(listener: (batch: NumberedEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) for (const listener of this.listeners) listener(batch);
  }
}
