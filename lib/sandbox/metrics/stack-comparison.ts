// The Compare screen's figures: each stack's shopper-side numbers, its scaled services, what slowed it and what
// its last redeploy and failure cost, read back in words.
import type { Comparison, ScaledService, StackComparison } from "../../contract/compare";
import type { Metrics, SandboxState } from "../../contract/control";
import type { StackId } from "../../contract/events";
import { SLOWING_FAULTS } from "../../contract/faults";
import type { Sandbox } from "../sandbox";
import { readComparison } from "./comparison-reading";

export function compareStacks(sandbox: Sandbox, metrics: Metrics, now = Date.now()): Comparison {
  const state = sandbox.state();
  const stacks: StackComparison[] = (["microservices", "monolith"] as StackId[]).map((stack) => {
    const figures = metrics.stacks.find((candidate) => candidate.stack === stack) ?? null;
    const slowing = state.faults.some((fault) => SLOWING_FAULTS.has(fault.type) && (!fault.stack || fault.stack === stack));
    const baseline = sandbox.shoppers.baseline(stack);
    return {
      stack,
      running: sandbox.running().includes(stack),
      up: figures?.up ?? false,
      figures,
      scaled: scaledServices(state, metrics, stack),
      slowed: slowing && baseline && Object.keys(baseline.p95Ms).length > 0 ? { what: baseline.what, since: baseline.at, features: sandbox.shoppers.slowed(stack, now) } : null,
      lastRedeploy: sandbox.incidents.lastRedeploy(stack),
      lastFailure: sandbox.incidents.lastFailure(stack),
    };
  });
  return { stacks, experimentSince: sandbox.incidents.since, reading: readComparison(stacks) };
}

/** Services of `stack` asked to run more than one instance, with their live processes' memory. */
function scaledServices(state: SandboxState, metrics: Metrics, stack: StackId): ScaledService[] {
  return state.services
    .filter((service) => service.stack === stack && service.replicas > 1)
    .map((service) => {
      const measured = metrics.services.find((candidate) => candidate.stack === stack && candidate.id === service.id);
      const processes = measured?.processes ?? 0;
      const rssBytes = measured?.rssBytes ?? 0;
      return { service: service.id, replicas: service.replicas, processes, rssBytes, perCopyBytes: processes > 0 ? rssBytes / processes : 0 };
    });
}
