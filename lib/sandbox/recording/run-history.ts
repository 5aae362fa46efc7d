// The sandbox's recent past: every telemetry event and a snapshot of the state every few seconds, kept for a bounded
// window, so any moment of it can be rebuilt from the nearest snapshot and the events after it. Pure: the caller
// feeds it and passes the clock.
import type { SandboxState } from "../../contract/control";
import type { NumberedEvent } from "../../contract/events";
import type { RecordedSnapshot } from "../../contract/recording";

export interface HistoryBounds {
  /** How far back the history reaches. */
  windowMs: number;
  /**
   * Events kept at most, whatever the window: at 200 shopper requests/s the microservices make ~1,000 events/s, so
   * 250,000 is about four minutes of that (≈ 300 bytes each in memory, ~75 MB); at a quieter pace the whole window.
   */
  maxEvents: number;
}

export const DEFAULT_HISTORY: HistoryBounds = { windowMs: 10 * 60_000, maxEvents: 250_000 };
/** A snapshot of the state this often: a moment is rebuilt from at most this much of events. */
export const SNAPSHOT_EVERY_MS = 5_000;
/** A changed state is kept at most this often, besides the regular snapshot. */
export const CHANGE_SNAPSHOT_MS = 1_000;

/**
 * Whether a changed state is kept at once rather than at the end of the second: an architecture switch always is,
 * because a moment is rebuilt from the snapshot before it plus services' moves, and those moves never say which
 * stacks run (a kill just after a switch to both would be replayed with one stack).
 */
export function keepsChangeAtOnce(sinceLastKeptMs: number, architectureChanged: boolean): boolean {
  return architectureChanged || sinceLastKeptMs >= CHANGE_SNAPSHOT_MS;
}

export class RunHistory {
  private events: NumberedEvent[] = [];
  /** Index of the oldest event still kept: the array is compacted in chunks rather than shifted per event. */
  private start = 0;
  private snapshots: RecordedSnapshot[] = [];

  constructor(private readonly bounds: HistoryBounds = DEFAULT_HISTORY) {}

  recordEvents(batch: readonly NumberedEvent[], now: number): void {
    for (const event of batch) this.events.push(event);
    this.trim(now);
  }

  /** `seq`: the number of the last event given out when `state` was read (RecordedSnapshot). */
  recordState(state: SandboxState, at: number, seq?: number): void {
    this.snapshots.push({ kind: "snapshot", at, seq, state });
    this.trim(at);
  }

  /** Events kept now. */
  get eventCount(): number {
    return this.events.length - this.start;
  }

  get snapshotCount(): number {
    return this.snapshots.length;
  }

  /** The oldest moment that can be rebuilt: the first snapshot's, since events alone rebuild nothing. */
  get earliest(): number | null {
    return this.snapshots[0]?.at ?? null;
  }

  /**
   * What is needed to rebuild [from, to]: the last snapshot at or before `from` (or the first after it), every later
   * snapshot up to `to`, and the events from that first snapshot to `to`.
   */
  window(from: number, to: number): { snapshots: RecordedSnapshot[]; events: NumberedEvent[] } {
    let first = -1;
    for (let index = 0; index < this.snapshots.length && this.snapshots[index].at <= from; index++) first = index;
    if (first === -1) first = this.snapshots.findIndex((snapshot) => snapshot.at >= from);
    if (first === -1) return { snapshots: [], events: [] };
    const snapshots = this.snapshots.slice(first).filter((snapshot) => snapshot.at <= to);
    const since = snapshots[0]?.at ?? from;
    const events: NumberedEvent[] = [];
    for (let index = this.start; index < this.events.length; index++) {
      const event = this.events[index];
      if (event.ts >= since && event.ts <= to) events.push(event);
    }
    return { snapshots, events };
  }

  private trim(now: number): void {
    const oldest = now - this.bounds.windowMs;
    while (this.snapshots.length > 1 && this.snapshots[1].at <= oldest) this.snapshots.shift();
    while (this.start < this.events.length && (this.events.length - this.start > this.bounds.maxEvents || this.events[this.start].ts < oldest)) this.start++;
    // Events older than the first snapshot cannot be replayed onto anything: let them go with it.
    const firstSnapshot = this.snapshots[0]?.at;
    if (firstSnapshot !== undefined) while (this.start < this.events.length && this.events[this.start].ts < firstSnapshot) this.start++;
    // Compacted once an eighth of the bound has gone, so the array never holds much more than the bound.
    if (this.start > 4_096 && this.start > this.bounds.maxEvents / 8) {
      this.events = this.events.slice(this.start);
      this.start = 0;
    }
  }

  clear(): void {
    this.events = [];
    this.start = 0;
    this.snapshots = [];
  }
}
