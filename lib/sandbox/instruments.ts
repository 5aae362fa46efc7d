// What the control API drives beyond the processes themselves: generated traffic, metrics, the Compare figures, the
// audit, scenarios, the recorded past and the guided lessons. Only their shapes live here; lib/composition-root.ts
// builds them over one sandbox, so nothing below this folder depends on how they are put together.
import type { Audit, Metrics } from "../contract/control";
import type { Comparison } from "../contract/compare";
import type { LessonList, LessonRun } from "../contract/lessons";
import type { Recorder } from "./recording/recorder";
import type { ScenarioControl } from "./scenarios/scenario-control";
import type { TrafficControl } from "./traffic/traffic-control";

/** The guided lessons as the control API offers them: the list, and the run under way, checked against the live sandbox. */
export interface LessonControl {
  list(): LessonList;
  view(): LessonRun | null;
  onChange(listener: (run: LessonRun | null) => void): () => void;
  start(lessonId: string, stepId?: string): Promise<LessonRun>;
  predict(stepId: string, choice: string | null): LessonRun;
  /** A look back: the recorded moment the learner stopped on. */
  markMoment(stepId: string, at: number): LessonRun;
  /** A diagnosis challenge's guess at its hidden culprit. */
  guess(service: string, type: string): LessonRun;
  /** A challenge's next hint, counted. */
  hint(): LessonRun;
  /** A learner's action on the sandbox, counted against a challenge's par. */
  countAction(): void;
  showMe(): Promise<LessonRun | null>;
  restore(): Promise<LessonRun | null>;
  stop(): void;
}

export interface Instruments {
  traffic: TrafficControl;
  metrics(): Metrics;
  /** The two stacks side by side, with a reading of the numbers. */
  compare(): Comparison;
  audit(): Promise<Audit[]>;
  scenarios: ScenarioControl;
  /** The recorded past (the last minutes): a saved-run file, or its traces as OTLP/JSON. */
  recording: Pick<Recorder, "file" | "otlp">;
  lessons: LessonControl;
  /** A reset is about to empty everything: traffic and scenarios stop first. */
  beforeReset(): void;
}
