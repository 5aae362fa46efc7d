"use client";
// Predict, then watch: the learner locks an answer (or skips) before the step's experiment, and once the claim held
// in the numbers gets a verdict: right or wrong, what was measured, and why.
import { useState } from "react";
import type { LessonRun, LessonStep } from "../../lib/contract/lessons";

type StepRun = LessonRun["steps"][number];

interface Props {
  predict: NonNullable<LessonStep["predict"]>;
  stepId: string;
  prediction: StepRun["prediction"];
  verdict: StepRun["verdict"];
  measured: string | null;
  /** Null when this page may not answer (a classroom viewer, a step not open). */
  onPredict: ((choice: string | null) => void) | null;
}

export function PredictionChoice({ predict, stepId, prediction, verdict, measured, onPredict }: Props) {
  const [picked, setPicked] = useState<string | null>(null);
  const labelOf = (id: string | null | undefined) => predict.choices.find((choice) => choice.id === id)?.label;
  if (verdict && measured) {
    const said = prediction?.choice ? labelOf(prediction.choice) : null;
    const mark = verdict.correct === null ? "" : verdict.correct ? "✓ Right" : "✗ Not quite";
    return (
      <div className="lesson-prediction" data-prediction-result data-correct={verdict.correct === null ? "skipped" : String(verdict.correct)}>
        <p><strong>{predict.question}</strong></p>
        <p><strong>You predicted:</strong> {said ?? "no prediction (skipped)"} {mark && <strong className={verdict.correct ? "good-text" : "bad-text"}>{mark}</strong>}{prediction?.late && " (answered after the change)"}</p>
        <p><strong>Measured in this run:</strong> <span data-measured>{measured}</span></p>
        {verdict.correct === false && <p data-misconception>{verdict.explain}</p>}
        <p><strong>Why:</strong> {verdict.why}</p>
      </div>
    );
  }
  if (prediction) {
    return (
      <div className="lesson-prediction" data-prediction-locked>
        <p><strong>{predict.question}</strong></p>
        <p>Your prediction: <strong>{labelOf(prediction.choice) ?? "skipped"}</strong> (locked). Now run the experiment.</p>
      </div>
    );
  }
  return (
    <fieldset className="lesson-prediction" disabled={onPredict === null}>
      <legend>Predict first: {predict.question}</legend>
      {predict.choices.map((choice) => (
        <label key={choice.id}>
          <input type="radio" name={`predict-${stepId}`} value={choice.id} checked={picked === choice.id} onChange={() => setPicked(choice.id)} /> {choice.label}
        </label>
      ))}
      <div className="lesson-prediction-buttons">
        <button type="button" disabled={picked === null} onClick={() => onPredict?.(picked)}>Lock my prediction</button>
        <button type="button" className="link" onClick={() => onPredict?.(null)}>Skip</button>
      </div>
    </fieldset>
  );
}
