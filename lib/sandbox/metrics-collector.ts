// PLACEHOLDER until the metrics collector lands.
import type { Metrics } from "../contract/control";
import type { Sandbox } from "./sandbox";

export class MetricsCollector {
  constructor(private readonly sandbox: Sandbox) {}
  metrics(): Metrics {
    return { windowS: 10, services: [], stacks: [], queues: [] };
  }
  dispose(): void {}
}
