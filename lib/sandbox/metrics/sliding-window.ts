// A sliding window over timed measurements (a request's duration and whether it failed): its rate, error share and
// latency percentiles over the last few seconds, in bounded memory. Pure: the caller passes the clock.
import { latencySummary } from "./percentile";

export interface WindowStats {
  /** Measurements in the window. */
  count: number;
  /** Measurements per second over the window. */
  perSecond: number;
  /** Share of failed measurements, 0..1 (0 when there are none). */
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface SlidingWindowOptions {
  windowMs: number;
  /**
   * Durations kept for the percentiles. Counts are kept per second and stay exact at any rate; the durations are
   * a ring of the most recent ones, so past this many within the window the percentiles come from the latest.
   */
  maxSamples: number;
}

const BUCKET_MS = 1_000;

export class SlidingWindow {
  private readonly buckets: number;
  /** Per-second buckets, as a ring: the second each holds, its count and its failures. */
  private readonly bucketSecond: Float64Array;
  private readonly bucketCount: Uint32Array;
  private readonly bucketErrors: Uint32Array;
  private readonly sampleAt: Float64Array;
  private readonly sampleMs: Float64Array;
  private next = 0;
  private stored = 0;

  constructor(private readonly options: SlidingWindowOptions) {
    // One bucket more than the window, so the partly elapsed oldest second is still there.
    this.buckets = Math.ceil(options.windowMs / BUCKET_MS) + 1;
    this.bucketSecond = new Float64Array(this.buckets).fill(-1);
    this.bucketCount = new Uint32Array(this.buckets);
    this.bucketErrors = new Uint32Array(this.buckets);
    this.sampleAt = new Float64Array(options.maxSamples);
    this.sampleMs = new Float64Array(options.maxSamples);
  }

  /** Records one measurement taken at `at` (ms since the epoch); `durationMs` null counts it without a duration. */
  record(at: number, durationMs: number | null, failed: boolean): void {
    const second = Math.floor(at / BUCKET_MS);
    const slot = second % this.buckets;
    if (this.bucketSecond[slot] !== second) {
      // A measurement older than the ring's seconds would land in a newer second's bucket: it is out of the window.
      if (this.bucketSecond[slot] > second) return;
      this.bucketSecond[slot] = second;
      this.bucketCount[slot] = 0;
      this.bucketErrors[slot] = 0;
    }
    this.bucketCount[slot]++;
    if (failed) this.bucketErrors[slot]++;
    if (durationMs === null) return;
    this.sampleAt[this.next] = at;
    this.sampleMs[this.next] = durationMs;
    this.next = (this.next + 1) % this.options.maxSamples;
    this.stored = Math.min(this.stored + 1, this.options.maxSamples);
  }

  stats(now: number): WindowStats {
    const from = now - this.options.windowMs;
    const fromSecond = Math.floor(from / BUCKET_MS);
    const nowSecond = Math.floor(now / BUCKET_MS);
    let count = 0;
    let errors = 0;
    for (let slot = 0; slot < this.buckets; slot++) {
      const second = this.bucketSecond[slot];
      if (second < fromSecond || second > nowSecond) continue;
      // The oldest second is only partly inside the window: count the share of it that is.
      const share = second === fromSecond ? 1 - (from - second * BUCKET_MS) / BUCKET_MS : 1;
      count += this.bucketCount[slot] * share;
      errors += this.bucketErrors[slot] * share;
    }
    const durations: number[] = [];
    for (let index = 0; index < this.stored; index++) if (this.sampleAt[index] > from && this.sampleAt[index] <= now) durations.push(this.sampleMs[index]);
    return {
      count: Math.round(count),
      perSecond: count / (this.options.windowMs / 1_000),
      errorRate: count > 0 ? Math.min(1, errors / count) : 0,
      ...latencySummary(durations),
    };
  }
}
