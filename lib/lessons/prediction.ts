// Predict, then watch: a step with a prediction cannot pass until the learner has answered it (or skipped it), and
// once the step's claim held in the numbers the answer gets a verdict and the reason. Pure.
import type { CheckItemView, LessonStep, LessonRun } from "../contract/lessons";

export type StepPrediction = NonNullable<LessonRun["steps"][number]["prediction"]>;
export type Verdict = NonNullable<LessonRun["steps"][number]["verdict"]>;

export const PREDICTION_LABEL = "your prediction, made before you act";

/** The check item that holds the step until the learner has predicted; none for a step that asks nothing. */
export function predictionGate(step: LessonStep, prediction: StepPrediction | null): CheckItemView | null {
  if (!step.predict) return null;
  return { label: PREDICTION_LABEL, met: prediction !== null, missing: prediction === null ? "answer the question above, or skip it" : "" };
}

/** Whether `choice` (null: skip) is an answer to the step's question; words for why not otherwise. */
export function refusePrediction(step: LessonStep, choice: string | null, current: StepPrediction | null): string | null {
  if (!step.predict) return `the step “${step.title}” asks for no prediction`;
  if (current !== null) return "the prediction for this step is already locked";
  if (choice !== null && !step.predict.choices.some((candidate) => candidate.id === choice)) return `“${choice}” is not one of the answers to “${step.predict.question}”`;
  return null;
}

/** Right or wrong (null when skipped), and why: the chosen answer's explanation, and the expected one's. */
export function verdictOf(step: LessonStep, prediction: StepPrediction | null): Verdict | null {
  if (!step.predict) return null;
  const expected = step.predict.choices.find((choice) => choice.id === step.predict!.expected)!;
  const chosen = prediction?.choice == null ? undefined : step.predict.choices.find((choice) => choice.id === prediction.choice);
  return {
    correct: chosen === undefined ? null : chosen.id === expected.id,
    expected: expected.label,
    explain: (chosen ?? expected).explain,
    why: expected.explain,
  };
}
