// Builds the control API's extras for a sandbox: traffic generator, metrics collector, audit and scenarios.
import type { ScaledService, StackComparison } from "../contract/compare";
import type { Metrics, SandboxState } from "../contract/control";
import type { StackId } from "../contract/events";
import { audit } from "./audit";
import { readComparison } from "./comparison-reading";
import { MetricsCollector } from "./metrics-collector";
import { SLOWING_FAULTS, type Sandbox } from "./sandbox";
import type { SandboxExtras } from "./sandbox-extras";
import { Scenarios } from "./scenarios";
import { TrafficGenerator } from "./traffic-generator";

export function createExtras(sandbox: Sandbox): SandboxExtras & { dispose(): void } {
  const traffic = new TrafficGenerator(sandbox);
  const collector = new MetricsCollector(sandbox);
  const scenarios = new Scenarios(sandbox, traffic);
  return {
    traffic,
    metrics: () => collector.metrics(),
    compare() {
      const metrics = collector.metrics();
      const state = sandbox.state();
      const now = Date.now();
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
    },
    audit: () => audit(sandbox),
    scenarios,
    beforeReset() {
      traffic.stop();
      scenarios.forget();
    },
    dispose() {
      traffic.stop();
      collector.dispose();
    },
  };
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
