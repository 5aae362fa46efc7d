// Evaluates the active step of a lesson against a check input: its check list, whether it passed, and whether
// something an earlier step set up no longer holds. Pure: the runner feeds it, nothing here has a side effect.
import type { CheckItemView, Figures, Lesson, LessonStep } from "../contract/lessons";
import { isDown, type CheckInput } from "./check-input";
import { evaluateAll } from "./predicates";

export interface StepEvaluation {
  checks: CheckItemView[];
  passed: boolean;
  figures: Figures;
  /** When the event that met the last missing item happened (or now, for a state that has no event). */
  satisfiedAt: number;
}

export function evaluateStep(step: LessonStep, input: CheckInput): StepEvaluation {
  const outcomes = evaluateAll(step.check, input);
  return {
    checks: outcomes.map(({ label, met, missing }) => ({ label, met, missing })),
    passed: outcomes.every((outcome) => outcome.met),
    figures: Object.assign({}, ...outcomes.map((outcome) => outcome.figures)),
    satisfiedAt: Math.max(...outcomes.map((outcome) => outcome.satisfiedAt ?? input.now)),
  };
}

/** Services the step expects down: it asks for them down, or its solution or set-up kills them. */
export function expectedDown(step: LessonStep): Set<string> {
  const named = [...step.needs, ...step.check].flatMap((spec) => (spec.is === "serviceStatus" && spec.status === "down" ? [spec.service] : []));
  const killed = [...step.solution, ...step.setup].flatMap((action) => (action.do === "kill" ? [action.service] : []));
  return new Set([...named, ...killed]);
}

/** What no longer holds that this step needs, in words; null when all holds. */
export function brokenPrecondition(lesson: Lesson, step: LessonStep, input: CheckInput): string | null {
  const unmet = evaluateAll(step.needs, input).find((outcome) => !outcome.met);
  if (unmet) return `This step needs: ${unmet.label}. Now ${unmet.missing}.`;
  const allowed = expectedDown(step);
  const down = input.state.services.find((service) => isDown(service.status) && !allowed.has(service.id));
  if (down) return `${down.id} is ${down.status}: the lesson “${lesson.title}” needs it running.`;
  return null;
}
