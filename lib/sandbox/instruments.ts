// What the control API offers beyond the processes themselves: generated traffic, metrics, the Compare figures,
// the audit, scenarios, the recorded past and the guided lesson, each built here over one sandbox.
import type { Audit, Metrics, TrafficBody, TrafficView } from "../contract/control";
import type { Comparison } from "../contract/compare";
import type { ScenariosView } from "../contract/scenarios";
import type { LessonRunner } from "../lessons/lesson-runner";
import { createLessonRunner } from "../lessons/lesson-wiring";
import { audit } from "./metrics/audit";
import { MetricsCollector } from "./metrics/metrics-collector";
import { compareStacks } from "./metrics/stack-comparison";
import { toOtlp } from "./recording/otlp";
import { packRecording } from "./recording/recording-file";
import { CHANGE_SNAPSHOT_MS, keepsChangeAtOnce, RunHistory, SNAPSHOT_EVERY_MS } from "./recording/run-history";
import type { Sandbox } from "./sandbox";
import { Scenarios } from "./scenarios/scenario-runner";
import { TrafficGenerator } from "./traffic/traffic-generator";

export interface TrafficControl {
  start(body: TrafficBody): TrafficView;
  stop(): TrafficView;
  view(): TrafficView;
}

export interface ScenarioControl {
  has(id: string): boolean;
  view(): ScenariosView;
  start(id: string): Promise<ScenariosView>;
  stop(): Promise<ScenariosView>;
}

export interface Instruments {
  traffic: TrafficControl;
  metrics(): Metrics;
  /** The two stacks side by side, with a reading of the numbers. */
  compare(): Comparison;
  audit(): Promise<Audit[]>;
  scenarios: ScenarioControl;
  /** The recorded past (the last minutes): a saved-run file of the last `seconds` (all of it when not given), or its traces as OTLP/JSON. */
  recording: { file(seconds?: number): Promise<Buffer>; otlp(seconds?: number): unknown };
  /** The guided lesson being run, if any: its checks evaluated here, against the live sandbox. */
  lessons: LessonRunner;
  /** A reset is about to empty everything: traffic and scenarios stop first. */
  beforeReset(): void;
}

export function createInstruments(sandbox: Sandbox): Instruments & { dispose(): void } {
  const traffic = new TrafficGenerator(sandbox);
  const collector = new MetricsCollector(sandbox);
  const scenarios = new Scenarios(sandbox, traffic);
  const history = new RunHistory();
  const stopRecording = sandbox.hub.subscribe((batch) => history.recordEvents(batch, Date.now()));
  /** A snapshot of the state now, numbered with the last event given out, so a replay knows which moves it holds. */
  let architecture = sandbox.state().architecture;
  const recordSnapshot = (at = Date.now()) => {
    const state = sandbox.state();
    architecture = state.architecture;
    history.recordState(state, at, sandbox.hub.lastSeq);
  };
  const snapshotting = setInterval(() => recordSnapshot(), SNAPSHOT_EVERY_MS);
  snapshotting.unref();
  recordSnapshot();
  // A change (a queue's depth, a fault, a scale) is kept too, at most once a second: a replay shows it when it happened.
  // A change within the second after one kept is kept at the end of that second, so the last of a burst (the third
  // order's job waiting) is never lost.
  let lastChangeKept = 0;
  let trailing: NodeJS.Timeout | null = null;
  const keepChange = () => {
    lastChangeKept = Date.now();
    recordSnapshot(lastChangeKept);
  };
  const stopStates = sandbox.onState(() => {
    const since = Date.now() - lastChangeKept;
    if (keepsChangeAtOnce(since, sandbox.state().architecture !== architecture)) return keepChange();
    trailing ??= setTimeout(() => {
      trailing = null;
      keepChange();
    }, CHANGE_SNAPSHOT_MS - since);
    trailing.unref();
  });
  const windowOf = (seconds: number | undefined) => {
    const to = Date.now();
    return { from: seconds === undefined ? (history.earliest ?? to) : to - seconds * 1_000, to };
  };
  const lessons = createLessonRunner(sandbox, { traffic, scenarios, metrics: () => collector.metrics() });
  return {
    traffic,
    metrics: () => collector.metrics(),
    compare: () => compareStacks(sandbox, collector.metrics()),
    audit: () => audit(sandbox),
    scenarios,
    recording: {
      file(seconds) {
        // The moment asked for is rebuilt from a snapshot: one is taken now, so the newest moments are covered too.
        recordSnapshot();
        const { from, to } = windowOf(seconds);
        return packRecording(history.window(from, to), from, to);
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
      if (trailing) clearTimeout(trailing);
      stopStates();
      stopRecording();
      traffic.stop();
      lessons.dispose();
      collector.dispose();
    },
  };
}
