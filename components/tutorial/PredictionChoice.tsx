"use client";
// Predict, then watch: the learner's guess before acting, and once the step passes, the guess beside what was measured.
import type { LessonStep } from "../../lib/contract/lessons";

interface Props {
  predict: NonNullable<LessonStep["predict"]>;
  stepId: string;
  chosen: string | undefined;
  measured: string | null;
  onChoose(choice: string): void;
}

export function PredictionChoice({ predict, stepId, chosen, measured, onChoose }: Props) {
  const chosenLabel = predict.choices.find((choice) => choice.id === chosen)?.label;
  if (measured) {
    return (
      <div className="lesson-prediction" data-prediction-result>
        <p><strong>You predicted:</strong> {chosenLabel ?? "no prediction"}</p>
        <p><strong>Measured in this run:</strong> <span data-measured>{measured}</span></p>
      </div>
    );
  }
  return (
    <fieldset className="lesson-prediction">
      <legend>Predict first: {predict.question}</legend>
      {predict.choices.map((choice) => (
        <label key={choice.id}>
          <input type="radio" name={`predict-${stepId}`} value={choice.id} checked={chosen === choice.id} onChange={() => onChoose(choice.id)} /> {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
