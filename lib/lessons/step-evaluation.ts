// Evaluates the active step of a lesson against a check input: its check list, whether it passed, and whether
// something an earlier step set up no longer holds. Pure: the runner feeds it, nothing here has a side effect.
import type { CheckItemView, Figures, Lesson, LessonStep } from "../contract/lessons";
import { isDown, type CheckInput } from "./check-input";
import { evaluateAll } from "./predicates";

export interface StepEvaluation {
  checks: CheckItemView[];
  passed: boolean;
  figures: Figures;
  /** What contradicts the claim, in words, when some item's measurement says the opposite; null otherwise. */
  contradiction: string | null;
  /** When the event that met the last missing item happened (or now, for a state that has no event). */
  satisfiedAt: number;
}

export function evaluateStep(step: LessonStep, input: CheckInput): StepEvaluation {
  const outcomes = evaluateAll(step.check, input);
  const against = outcomes.filter((outcome) => outcome.contradicts);
  return {
    checks: outcomes.map(({ label, met, missing, contradicts }) => ({ label, met, missing, ...(contradicts && { contradicts }) })),
    passed: outcomes.every((outcome) => outcome.met),
    figures: keyedFigures(outcomes.map((outcome) => outcome.figures)),
    contradiction: against.length === 0 ? null : against.map((outcome) => `${outcome.label}: ${outcome.contradicts}`).join(". "),
    satisfiedAt: Math.max(...outcomes.map((outcome) => outcome.satisfiedAt ?? input.now)),
  };
}

/**
 * The figures of every check item in one record, none overwriting another: a name a later item also gives is kept
 * under its item's number ("2.durationMs") for both, so a sentence can never show one item's figure as another's.
 */
export function keyedFigures(perItem: readonly Figures[]): Figures {
  const counts = new Map<string, number>();
  for (const figures of perItem) for (const name of Object.keys(figures)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const merged: Figures = {};
  perItem.forEach((figures, index) => {
    for (const [name, value] of Object.entries(figures)) merged[counts.get(name)! > 1 ? `${index + 1}.${name}` : name] = value;
  });
  return merged;
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
