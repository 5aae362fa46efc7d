// Builds the control API's extras for a sandbox: traffic generator, metrics collector, audit and scenarios.
import type { StackComparison } from "../contract/compare";
import type { StackId } from "../contract/events";
import { createLessonRunner } from "../lessons/lesson-wiring";
import { audit } from "./audit";
import { readComparison } from "./comparison-reading";
import { MetricsCollector } from "./metrics-collector";
import type { Sandbox } from "./sandbox";
import type { SandboxExtras } from "./sandbox-extras";
import { Scenarios } from "./scenarios";
import { TrafficGenerator } from "./traffic-generator";

export function createExtras(sandbox: Sandbox): SandboxExtras & { dispose(): void } {
  const traffic = new TrafficGenerator(sandbox);
  const collector = new MetricsCollector(sandbox);
  const scenarios = new Scenarios(sandbox, traffic);
  const lessons = createLessonRunner(sandbox, { traffic, scenarios, metrics: () => collector.metrics() });
  return {
    traffic,
    metrics: () => collector.metrics(),
    compare() {
      const metrics = collector.metrics();
      const stacks: StackComparison[] = (["microservices", "monolith"] as StackId[]).map((stack) => ({
        stack,
        running: sandbox.running().includes(stack),
        figures: metrics.stacks.find((figures) => figures.stack === stack) ?? null,
        lastRedeploy: sandbox.incidents.lastRedeploy(stack),
        lastFailure: sandbox.incidents.lastFailure(stack),
      }));
      return { stacks, reading: readComparison(stacks) };
    },
    audit: () => audit(sandbox),
    scenarios,
    lessons,
    beforeReset() {
      traffic.stop();
      scenarios.forget();
    },
    dispose() {
      traffic.stop();
      lessons.dispose();
      collector.dispose();
    },
  };
}
