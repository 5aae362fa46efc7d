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
  skipped = 0;
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
  }

  view(now = Date.now()): TrafficView["stacks"][number] {
    const { p50Ms, p95Ms } = this.latency.stats(now);
    return { stack: this.stack, sent: this.sent, ok: this.ok, failed: this.failed, refused: this.refused, ordersAccepted: this.ordersAccepted, skipped: this.skipped, p50Ms, p95Ms };
  }
}
