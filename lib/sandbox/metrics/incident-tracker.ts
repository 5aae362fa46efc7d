// Measures what the last redeploy and the last failure of each stack cost its shoppers: requests failed, how
// long the shop was unavailable, which features broke and which kept working. Fed by every shopper request
// seen from the outside (the browser's storefront proxy and the traffic generator) and told of operations.
import type { FailureImpact, Feature, RedeployImpact } from "../../contract/compare";
import type { StackId } from "../../contract/events";
import { featureOf, shopperFailed } from "../traffic/shopper-features";

/** Requests this long after a redeploy ends still count towards it: callers notice a change a moment late. */
export const REDEPLOY_TAIL_MS = 1_000;
/** A failure's blast radius is what failed within this long after it. */
export const FAILURE_WINDOW_MS = 30_000;

interface OpenRedeploy extends RedeployImpact {
  streakStart: number | null;
  lastFailureAt: number | null;
}

interface OpenFailure extends FailureImpact {
  perFeature: Map<Feature, { ok: number; failed: number }>;
}

export class IncidentTracker {
  private readonly redeploys = new Map<StackId, OpenRedeploy>();
  private readonly failures = new Map<StackId, OpenFailure>();
  private experimentSince: number | null = null;

  redeployStarted(stack: StackId, service: string, strategy: "recreate" | "rolling", at = Date.now()): void {
    this.redeploys.set(stack, { service, strategy, startedAt: at, endedAt: null, requests: 0, failed: 0, unavailableMs: 0, streakStart: null, lastFailureAt: null });
  }

  redeployEnded(stack: StackId, at = Date.now()): void {
    const redeploy = this.redeploys.get(stack);
    if (redeploy && redeploy.endedAt === null) redeploy.endedAt = at;
  }

  failed(stack: StackId, service: string, what: string, at = Date.now()): void {
    this.failures.set(stack, { what, service, at, failedFeatures: [], workingFeatures: [], requests: 0, failed: 0, perFeature: new Map() });
  }

  /** One shopper request into `stack`, answered with `status` (0: no answer) at `at`. */
  shopperRequest(stack: StackId, method: string, path: string, status: number, at = Date.now()): void {
    const failed = shopperFailed(status);
    const redeploy = this.redeploys.get(stack);
    if (redeploy && at >= redeploy.startedAt && (redeploy.endedAt === null || at <= redeploy.endedAt + REDEPLOY_TAIL_MS)) {
      redeploy.requests++;
      if (failed) {
        redeploy.failed++;
        redeploy.streakStart ??= at;
        redeploy.lastFailureAt = at;
        redeploy.unavailableMs = Math.max(redeploy.unavailableMs, at - redeploy.streakStart);
      } else if (redeploy.streakStart !== null) {
        redeploy.unavailableMs = Math.max(redeploy.unavailableMs, at - redeploy.streakStart);
        redeploy.streakStart = null;
      }
    }
    const failure = this.failures.get(stack);
    const feature = featureOf(method, path);
    if (failure && feature && at >= failure.at && at <= failure.at + FAILURE_WINDOW_MS) {
      failure.requests++;
      if (failed) failure.failed++;
      const counts = failure.perFeature.get(feature) ?? { ok: 0, failed: 0 };
      counts[failed ? "failed" : "ok"]++;
      failure.perFeature.set(feature, counts);
    }
  }

  lastRedeploy(stack: StackId): RedeployImpact | null {
    const redeploy = this.redeploys.get(stack);
    if (!redeploy) return null;
    const { streakStart: _streak, lastFailureAt: _last, ...impact } = redeploy;
    return { ...impact };
  }

  lastFailure(stack: StackId): FailureImpact | null {
    const failure = this.failures.get(stack);
    if (!failure) return null;
    const { perFeature, ...impact } = failure;
    const features = [...perFeature];
    return {
      ...impact,
      failedFeatures: features.filter(([, counts]) => counts.failed > 0).map(([feature]) => feature),
      workingFeatures: features.filter(([, counts]) => counts.failed === 0 && counts.ok > 0).map(([feature]) => feature),
    };
  }

  /**
   * A new experiment begins (traffic started, the architecture changed): finished redeploys and failures older than
   * their window belong to the last one and are dropped; a failure just made still counts, as its effect is to come.
   */
  newExperiment(at = Date.now()): void {
    this.experimentSince = at;
    for (const [stack, redeploy] of this.redeploys) if (redeploy.endedAt !== null) this.redeploys.delete(stack);
    for (const [stack, failure] of this.failures) if (failure.at < at - FAILURE_WINDOW_MS) this.failures.delete(stack);
  }

  /** When the current experiment began; null before the first. */
  get since(): number | null {
    return this.experimentSince;
  }

  clear(): void {
    this.experimentSince = Date.now();
    this.redeploys.clear();
    this.failures.clear();
  }
}
