// Shoppers' figures over a span of a lesson step, from every request a shopper made: latency of the answers that
// did not fail, how long the failures took, the error rate, what was answered per second. Pure.
import type { Feature } from "../contract/compare";
import type { StackId } from "../contract/events";
import type { ShopperFigure } from "../contract/lessons";
import { latencySummary } from "../sandbox/metrics/percentile";
import { featureOf, shopperFailed } from "../sandbox/traffic/shopper-features";
import type { ShopperSample } from "./check-input";

export interface ShopperWindow {
  requests: number;
  /** Answers that did not fail: a failure is never a (fast) answer. */
  answered: number;
  failed: number;
  figures: Record<ShopperFigure, number | null>;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** The figures of `stack`'s shoppers (of one feature, when named) between `from` and `to`. */
export function shopperWindow(samples: readonly ShopperSample[], stack: StackId, feature: Feature | undefined, [from, to]: [number, number]): ShopperWindow {
  const okDurations: number[] = [];
  const failedDurations: number[] = [];
  let requests = 0;
  for (const sample of samples) {
    if (sample.stack !== stack || sample.at < from || sample.at > to) continue;
    if (feature !== undefined && featureOf(sample.method, sample.path) !== feature) continue;
    requests++;
    if (shopperFailed(sample.status)) {
      if (sample.durationMs !== null) failedDurations.push(sample.durationMs);
    } else if (sample.durationMs !== null) okDurations.push(sample.durationMs);
  }
  const failed = requests - okDurations.length;
  const ok = latencySummary(okDurations);
  const seconds = Math.max(0.001, (to - from) / 1_000);
  return {
    requests,
    answered: okDurations.length,
    failed,
    figures: {
      p50Ms: ok.p50Ms,
      p95Ms: ok.p95Ms,
      errorRate: requests === 0 ? null : round(failed / requests, 4),
      failedP50Ms: latencySummary(failedDurations).p50Ms,
      answeredPerS: round(okDurations.length / seconds, 1),
    },
  };
}

/** How many measurements a figure rests on: failures for a failure's duration, answers for latency, requests otherwise. */
export function basisOf(window: ShopperWindow, figure: ShopperFigure): number {
  if (figure === "failedP50Ms") return window.failed;
  if (figure === "p50Ms" || figure === "p95Ms") return window.answered;
  return window.requests;
}

/** A figure as the learner reads it: "p95 184 ms", "error rate 12 %". */
export function describeFigure(figure: ShopperFigure, value: number | null): string {
  if (value === null) return `${FIGURE_WORDS[figure]} not measured`;
  if (figure === "errorRate") return `${FIGURE_WORDS[figure]} ${round(value * 100, 1)} %`;
  if (figure === "answeredPerS") return `${value} answered/s`;
  return `${FIGURE_WORDS[figure]} ${round(value, 1)} ms`;
}

export const FIGURE_WORDS: Record<ShopperFigure, string> = {
  p50Ms: "p50",
  p95Ms: "p95",
  errorRate: "error rate",
  failedP50Ms: "a failed request's p50",
  answeredPerS: "answered",
};
