// The composition root: the one place that builds the sandbox's instruments (traffic, metrics, scenarios, the
// recorder) over one sandbox and wires the guided lessons to them, so lib/sandbox never reaches into lib/lessons.
import { lessonList } from "./lessons/lessons";
import { createLessonRunner } from "./lessons/lesson-wiring";
import type { Instruments } from "./sandbox/instruments";
import { audit } from "./sandbox/metrics/audit";
import { MetricsCollector } from "./sandbox/metrics/metrics-collector";
import { compareStacks } from "./sandbox/metrics/stack-comparison";
import { startRecorder } from "./sandbox/recording/recorder";
import type { Sandbox } from "./sandbox/sandbox";
import { Scenarios } from "./sandbox/scenarios/scenario-runner";
import { TrafficGenerator } from "./sandbox/traffic/traffic-generator";

export function composeInstruments(sandbox: Sandbox): Instruments & { dispose(): void } {
  const traffic = new TrafficGenerator(sandbox);
  const collector = new MetricsCollector(sandbox);
  const scenarios = new Scenarios(sandbox, traffic);
  const recorder = startRecorder(sandbox);
  const runner = createLessonRunner(sandbox, { traffic, scenarios, metrics: () => collector.metrics() });
  return {
    traffic,
    metrics: () => collector.metrics(),
    compare: () => compareStacks(sandbox, collector.metrics()),
    audit: () => audit(sandbox),
    scenarios,
    recording: recorder,
    lessons: {
      list: lessonList,
      view: () => runner.view(),
      onChange: (listener) => runner.onChange(listener),
      start: (lessonId, stepId) => runner.start(lessonId, stepId),
      predict: (stepId, choice) => runner.predict(stepId, choice),
      markMoment: (stepId, at) => runner.markMoment(stepId, at),
      guess: (service, type) => runner.guess(service, type),
      hint: () => runner.hint(),
      countAction: () => runner.countAction(),
      showMe: () => runner.showMe(),
      restore: () => runner.restore(),
      stop: () => runner.stop(),
    },
    beforeReset() {
      traffic.stop();
      scenarios.forget();
    },
    dispose() {
      recorder.dispose();
      traffic.stop();
      runner.dispose();
      collector.dispose();
    },
  };
}
