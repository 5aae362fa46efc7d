// What a lesson run keeps of the live shop to judge its steps by: a bounded window of telemetry and of shoppers'
// answers, and the snapshot taken when a step opens (its processes and each stack's memory) to compare with later.
import type { NumberedEvent, TelemetryEvent } from "../contract/events";
import type { Metrics, SandboxState } from "../contract/control";
import type { ShopperSample, StepOpening } from "./check-input";

/** Frequent events (calls, jobs) kept for the window: at 20 requests/s several minutes of a lesson. */
const MAX_EVENTS = 30_000;
/** Shoppers' requests kept for the window: 100 requests/s for ten minutes. */
const MAX_SHOPPERS = 60_000;

export class LessonWindow {
  /** Lifecycle and circuit events are few and decide whole steps: kept apart so a flood of calls never pushes them out. */
  private readonly rare: TelemetryEvent[] = [];
  private readonly frequent: TelemetryEvent[] = [];
  private readonly shoppers: ShopperSample[] = [];

  take(batch: readonly NumberedEvent[]): void {
    for (const event of batch) {
      if (event.type === "log") continue;
      (event.type === "lifecycle" || event.type === "circuit" ? this.rare : this.frequent).push(event);
    }
    trim(this.frequent, MAX_EVENTS);
    trim(this.rare, MAX_EVENTS);
  }

  takeShopper(sample: ShopperSample): void {
    this.shoppers.push(sample);
    trim(this.shoppers, MAX_SHOPPERS);
  }

  events(since: number): TelemetryEvent[] {
    return [...this.rare, ...this.frequent].filter((event) => event.ts >= since);
  }

  /** Shoppers' requests sent at or after `since`: one sent before, answered after, belongs to what came before. */
  shoppersSince(since: number): ShopperSample[] {
    return this.shoppers.filter((sample) => sample.at - (sample.durationMs ?? 0) >= since);
  }
}

function trim<T>(list: T[], max: number): void {
  if (list.length > max) list.splice(0, list.length - max);
}

/** What runs as a step opens: every service's pids and each stack's memory, to tell later what the step changed. */
export function stepOpening(state: SandboxState, metrics: Metrics, now: number): StepOpening {
  const pids = Object.fromEntries(state.services.map((service) => [service.id, service.instances.map((instance) => instance.pid)]));
  const memoryBytes: StepOpening["memoryBytes"] = {};
  for (const service of metrics.services) memoryBytes[service.stack] = (memoryBytes[service.stack] ?? 0) + service.rssBytes;
  return { at: now, pids, memoryBytes };
}

/**
 * A finding said only once it has held for `afterMs` (a figure moves as samples come in; a recreate passes through
 * "stopped"), and unsaid the moment it no longer holds: since when it has held, and what is said now.
 */
export function afterAWhile<T>(since: number | null, finding: T | null, said: T | null, now: number, afterMs: number): { since: number | null; said: T | null } {
  if (finding === null) return { since: null, said: null };
  const from = since ?? now;
  return { since: from, said: now - from >= afterMs ? finding : said };
}
