// Builds the control API's extras for a sandbox: traffic generator, metrics collector, audit and scenarios.
import type { ScaledService, StackComparison } from "../contract/compare";
import type { Metrics, SandboxState } from "../contract/control";
import type { StackId } from "../contract/events";
import { createLessonRunner } from "../lessons/lesson-wiring";
import { audit } from "./audit";
import { readComparison } from "./comparison-reading";
import { toOtlp } from "./recording/otlp";
import { writeRecording } from "./recording/recording-file";
import { RunHistory, SNAPSHOT_EVERY_MS } from "./recording/run-history";
import { MetricsCollector } from "./metrics-collector";
import { SLOWING_FAULTS, type Sandbox } from "./sandbox";
import type { SandboxExtras } from "./sandbox-extras";
import { Scenarios } from "./scenarios";
import { TrafficGenerator } from "./traffic-generator";

export function createExtras(sandbox: Sandbox): SandboxExtras & { dispose(): void } {
  const traffic = new TrafficGenerator(sandbox);
  const collector = new MetricsCollector(sandbox);
  const scenarios = new Scenarios(sandbox, traffic);
  const history = new RunHistory();
  const stopRecording = sandbox.hub.subscribe((batch) => history.recordEvents(batch, Date.now()));
  const snapshotting = setInterval(() => history.recordState(sandbox.state(), Date.now()), SNAPSHOT_EVERY_MS);
  snapshotting.unref();
  history.recordState(sandbox.state(), Date.now());
  const windowOf = (seconds: number | undefined) => {
    const to = Date.now();
    return { from: seconds === undefined ? (history.earliest ?? to) : to - seconds * 1_000, to };
  };
  const lessons = createLessonRunner(sandbox, { traffic, scenarios, metrics: () => collector.metrics() });
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
    recording: {
      file(seconds) {
        // The moment asked for is rebuilt from a snapshot: one is taken now, so the newest moments are covered too.
        history.recordState(sandbox.state(), Date.now());
        const { from, to } = windowOf(seconds);
        return writeRecording(history.window(from, to), from, to);
      },
      otlp(seconds) {
        const { from, to } = windowOf(seconds);
        return toOtlp(history.window(from, to).events);
      },
    },
    lessons,
    beforeReset() {
      traffic.stop();
      scenarios.forget();
    },
    dispose() {
      clearInterval(snapshotting);
      stopRecording();
      traffic.stop();
      lessons.dispose();
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
