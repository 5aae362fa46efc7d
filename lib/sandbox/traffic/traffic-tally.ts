// What one run of generated traffic got from one stack: counts, accepted orders and recent latency.
import type { StackId } from "../../contract/events";
import type { TrafficView } from "../../contract/control";
import { SHOPPER_WINDOW_MS } from "../metrics/shopper-meter";
import { SlidingWindow } from "../metrics/sliding-window";

/** Latency percentiles cover the same recent time as the shoppers' figures, so the two agree. */
export const TRAFFIC_WINDOW_MS = SHOPPER_WINDOW_MS;
/** 500 requests/s for the whole window: every request of it at the highest rate allowed. */
const MAX_SAMPLES = 500 * (TRAFFIC_WINDOW_MS / 1_000);

export class TrafficTally {
  sent = 0;
  ok = 0;
  failed = 0;
  refused = 0;
  ordersAccepted = 0;
  /** Every request skipped, and of those the ones given up because the sandbox fell behind its schedule. */
  skipped = 0;
  skippedLate = 0;
  longestStallMs = 0;
  /** When the last answer came: once the run has ended, its latency is read as of then, so it stays what the run got. */
  private lastAnswerAt: number | null = null;
  private readonly latency = new SlidingWindow({ windowMs: TRAFFIC_WINDOW_MS, maxSamples: MAX_SAMPLES });

  constructor(readonly stack: StackId) {}

  /**
   * A request answered (status > 0) or not (0): under 500 is the shop working, even a 401 or an out-of-stock 409; a
   * 429 is the shop refusing to serve it, counted apart so a run locked out by a limit never reads as served.
   */
  answered(status: number, durationMs: number | null, now = Date.now()): void {
    const failed = status === 0 || status >= 500;
    if (status === 429) this.refused++;
    else if (failed) this.failed++;
    else this.ok++;
    // A failed or refused request is not a fast answer: it never counts in the latency.
    this.latency.record(now, failed || status === 429 ? null : durationMs, failed);
    this.lastAnswerAt = now;
  }

  /**
   * The counts so far and the latency of the last window of answers: up to `now` while the run goes on; once it has
   * ended (`ended`), up to its last answer, so the table and the run's sentence keep the figures the run measured.
   */
  view(now = Date.now(), ended = false): TrafficView["stacks"][number] {
    const { p50Ms, p95Ms } = this.latency.stats(ended && this.lastAnswerAt !== null ? this.lastAnswerAt : now);
    return { stack: this.stack, sent: this.sent, ok: this.ok, failed: this.failed, refused: this.refused, ordersAccepted: this.ordersAccepted, skipped: this.skipped, skippedLate: this.skippedLate, longestStallMs: Math.round(this.longestStallMs), p50Ms, p95Ms };
  }
}
