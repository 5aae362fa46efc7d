// Builds the control API's extras for a sandbox: traffic generator, metrics collector, audit and scenarios.
import { audit } from "./audit";
import { MetricsCollector } from "./metrics-collector";
import type { Sandbox } from "./sandbox";
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
