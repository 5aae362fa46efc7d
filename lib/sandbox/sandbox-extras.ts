// What the control API offers beyond the processes themselves: generated traffic, metrics, the audit and scenarios.
import type { Audit, Metrics, TrafficBody, TrafficView } from "../contract/control";
import type { Comparison } from "../contract/compare";
import type { ScenariosView } from "../contract/scenarios";
import type { LessonRunner } from "../lessons/lesson-runner";

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

export interface SandboxExtras {
  traffic: TrafficControl;
  metrics(): Metrics;
  /** The two stacks side by side, with a reading of the numbers. */
  compare(): Comparison;
  audit(): Promise<Audit[]>;
  scenarios: ScenarioControl;
  /** The recorded past (the last minutes): a saved-run file of the last `seconds` (all of it when not given), or its traces as OTLP/JSON. */
  recording: { file(seconds?: number): Buffer; otlp(seconds?: number): unknown };
  /** The guided lesson being run, if any: its checks evaluated here, against the live sandbox. */
  lessons: LessonRunner;
  /** A reset is about to empty everything: traffic and scenarios stop first. */
  beforeReset(): void;
}
