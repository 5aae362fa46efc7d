// One queue as its events tell it: jobs added and completed per second over a sliding window, and, where no broker
// can be asked (the monolith's in-process bus), how many wait: added minus finished. Pure: the caller passes the clock.
import type { QueueJobState } from "../../contract/events";
import { SlidingWindow } from "../metrics/sliding-window";

export class QueueFlow {
  private readonly added: SlidingWindow;
  private readonly completed: SlidingWindow;
  private unfinished = 0;

  constructor(windowMs: number) {
    // Only counts are wanted here: the duration ring is kept at its smallest.
    this.added = new SlidingWindow({ windowMs, maxSamples: 1 });
    this.completed = new SlidingWindow({ windowMs, maxSamples: 1 });
  }

  record(state: QueueJobState, at: number): void {
    if (state === "added") {
      this.added.record(at, null, false);
      this.unfinished++;
    } else if (state === "completed" || state === "failed") {
      if (state === "completed") this.completed.record(at, null, false);
      // Never below zero: an event can be lost (dropped under load) or predate what this flow saw.
      this.unfinished = Math.max(0, this.unfinished - 1);
    }
  }

  /** Jobs added but not yet completed or failed for good, as far as the events seen tell. */
  get depth(): number {
    return this.unfinished;
  }

  /** Forgets the waiting jobs: the process holding them in memory went, and they with it. */
  forgetWaiting(): void {
    this.unfinished = 0;
  }

  rates(now: number): { addedPerS: number; completedPerS: number } {
    const round = (value: number) => Math.round(value * 100) / 100;
    return { addedPerS: round(this.added.stats(now).perSecond), completedPerS: round(this.completed.stats(now).perSecond) };
  }
}
