// What shoppers got from each stack, measured where they are: every answer the traffic generator and the storefront
// proxy received, per stack and per feature. A failure counts as a failure and never as a latency, so a dead or
// broken stack cannot look fast. Pure: the caller passes the clock.
import type { Feature } from "../../contract/compare";
import type { ShopperFigures } from "../../contract/control";
import type { StackId } from "../../contract/events";
import { featureOf, shopperFailed } from "../traffic/shopper-features";
import { SlidingWindow } from "./sliding-window";

/** Shoppers' figures cover this much recent time: short, so an outage shows within seconds, long enough for a p95. */
export const SHOPPER_WINDOW_MS = 5_000;
/** 500 requests/s (the generator's most per stack) for the whole window; 80 KB per series. */
const MAX_SAMPLES = 2_500;
/** A feature counts as slowed when its p95 is this many times what it was before, and at least SLOWED_MIN_MS more. */
export const SLOWED_FACTOR = 2;
export const SLOWED_MIN_MS = 10;
/** Fewer successful answers than this in the window make no percentile worth comparing. */
export const MIN_ANSWERS = 5;

interface StackSeries {
  all: SlidingWindow;
  features: Map<Feature, SlidingWindow>;
}

export interface Baseline {
  /** What set it, in words ("a cpu-hog fault on payment-service"). */
  what: string;
  at: number;
  p95Ms: Partial<Record<Feature, number>>;
}

export interface SlowedFeature {
  feature: Feature;
  beforeP95Ms: number;
  nowP95Ms: number;
}

const window = () => new SlidingWindow({ windowMs: SHOPPER_WINDOW_MS, maxSamples: MAX_SAMPLES });

export class ShopperMeter {
  private readonly stacks = new Map<StackId, StackSeries>();
  private readonly baselines = new Map<StackId, Baseline>();

  private seriesOf(stack: StackId): StackSeries {
    let series = this.stacks.get(stack);
    if (!series) this.stacks.set(stack, (series = { all: window(), features: new Map() }));
    return series;
  }

  /** One shopper's request: `status` 0 when no answer came; `durationMs` null when it was never sent (no entry point). */
  answered(stack: StackId, method: string, path: string, status: number, durationMs: number | null, at: number): void {
    const failed = shopperFailed(status);
    // A failed answer has no latency worth the name: a fast 503 is not a fast shop.
    const latency = failed ? null : durationMs;
    const series = this.seriesOf(stack);
    series.all.record(at, latency, failed);
    const feature = featureOf(method, path);
    if (!feature) return;
    let perFeature = series.features.get(feature);
    if (!perFeature) series.features.set(feature, (perFeature = window()));
    perFeature.record(at, latency, failed);
  }

  figures(stack: StackId, now: number): ShopperFigures {
    const series = this.stacks.get(stack);
    if (!series) return { windowS: SHOPPER_WINDOW_MS / 1_000, rps: 0, answeredRps: 0, requests: 0, failed: 0, errorRate: 0, p50Ms: null, p95Ms: null, features: [] };
    const all = series.all.stats(now);
    const features = [...series.features]
      .map(([feature, perFeature]) => ({ feature, stats: perFeature.stats(now) }))
      .filter(({ stats }) => stats.count > 0)
      .map(({ feature, stats }) => ({ feature, requests: stats.count, failed: Math.round(stats.count * stats.errorRate), errorRate: round4(stats.errorRate), p50Ms: stats.p50Ms, p95Ms: stats.p95Ms }));
    const failed = Math.round(all.count * all.errorRate);
    return {
      windowS: SHOPPER_WINDOW_MS / 1_000,
      rps: Math.round(all.perSecond * 100) / 100,
      answeredRps: Math.round(((all.count - failed) / (SHOPPER_WINDOW_MS / 1_000)) * 100) / 100,
      requests: all.count,
      failed,
      errorRate: round4(all.errorRate),
      p50Ms: all.p50Ms,
      p95Ms: all.p95Ms,
      features,
    };
  }

  /** Remembers each feature's p95 now, to tell later which features a fault slowed. */
  markBaseline(stack: StackId, what: string, now: number): void {
    const p95Ms: Baseline["p95Ms"] = {};
    for (const feature of this.figures(stack, now).features) {
      if (feature.p95Ms !== null && feature.requests - feature.failed >= MIN_ANSWERS) p95Ms[feature.feature] = feature.p95Ms;
    }
    this.baselines.set(stack, { what, at: now, p95Ms });
  }

  baseline(stack: StackId): Baseline | undefined {
    return this.baselines.get(stack);
  }

  /** Features whose p95 now is well above the baseline's; empty when there is no baseline or nothing slowed. */
  slowed(stack: StackId, now: number): SlowedFeature[] {
    const baseline = this.baselines.get(stack);
    if (!baseline) return [];
    const slowed: SlowedFeature[] = [];
    for (const feature of this.figures(stack, now).features) {
      const before = baseline.p95Ms[feature.feature];
      if (before === undefined || feature.p95Ms === null || feature.requests - feature.failed < MIN_ANSWERS) continue;
      if (feature.p95Ms >= before * SLOWED_FACTOR && feature.p95Ms - before >= SLOWED_MIN_MS) slowed.push({ feature: feature.feature, beforeP95Ms: before, nowP95Ms: feature.p95Ms });
    }
    return slowed;
  }

  clearBaselines(): void {
    this.baselines.clear();
  }
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
