// What the polite live region says when the run changes: a step opening, a check ticking, the lesson done.
import type { Lesson, LessonRun } from "../contract/lessons";

export function announce(lesson: Lesson, before: LessonRun | null, after: LessonRun | null): string | null {
  if (!after) return null;
  if (after.result && !before?.result) return `Lesson done: ${lesson.title}. ${after.result.join(" ")}`;
  if (before && after.stepIndex !== before.stepIndex) {
    const step = lesson.steps[after.stepIndex];
    // Back at an earlier step is a restart, not a step done: nothing was finished on the way there.
    if (after.stepIndex < before.stepIndex) return `Lesson restarted. Now step ${after.stepIndex + 1} of ${lesson.steps.length}: ${step.title}. ${step.todo}`;
    return `Step ${before.stepIndex + 1} done. Now step ${after.stepIndex + 1} of ${lesson.steps.length}: ${step.title}. ${step.todo}`;
  }
  const previous = new Set(before?.steps[after.stepIndex]?.checks.filter((check) => check.met).map((check) => check.label) ?? []);
  const ticked = after.steps[after.stepIndex]?.checks.filter((check) => check.met && !previous.has(check.label)) ?? [];
  if (ticked.length > 0) return `Done: ${ticked.map((check) => check.label).join("; ")}.`;
  if (after.broken && after.broken !== before?.broken) return after.broken;
  return null;
}
