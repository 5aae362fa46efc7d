// The learner's progress in this browser (localStorage): steps done, predictions made, lessons completed; exported
// and imported as a JSON file checked against the contract, so a bad file changes nothing.
import { ProgressSchema, type LessonRun, type Progress } from "../contract/lessons";

export const PROGRESS_KEY = "architecture-sandbox:lesson-progress";
export const EMPTY_PROGRESS: Progress = { version: 1, lessons: {} };

export function parseProgress(text: string | null): Progress | null {
  if (!text) return null;
  try {
    const parsed = ProgressSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function loadProgress(storage: Storage | undefined = globalThis.localStorage): Progress {
  return parseProgress(storage?.getItem(PROGRESS_KEY) ?? null) ?? EMPTY_PROGRESS;
}

export function saveProgress(progress: Progress, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // A full or private storage: the progress then lasts as long as the page.
  }
}

const entry = (progress: Progress, lessonId: string) => progress.lessons[lessonId] ?? { done: [], predictions: {}, completed: false };

/** Adds what the server's run has done to the progress; the same object back when nothing is new. */
export function recordRun(progress: Progress, run: LessonRun): Progress {
  const before = entry(progress, run.lessonId);
  const done = [...new Set([...before.done, ...run.steps.filter((step) => step.status === "done").map((step) => step.id)])];
  const completed = before.completed || run.result !== null;
  const finished = run.result !== null && JSON.stringify(run.result) !== JSON.stringify(before.measured);
  if (done.length === before.done.length && completed === before.completed && !finished) return progress;
  const verdicts = run.steps.flatMap((step) => (step.verdict && step.verdict.correct !== null ? [step.verdict.correct] : []));
  const result = finished ? { measured: run.result!, right: { right: verdicts.filter(Boolean).length, of: verdicts.length } } : {};
  return { ...progress, lessons: { ...progress.lessons, [run.lessonId]: { ...before, done, completed, ...result } } };
}

export function recordPrediction(progress: Progress, lessonId: string, stepId: string, choice: string): Progress {
  const before = entry(progress, lessonId);
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: { ...before, predictions: { ...before.predictions, [stepId]: choice } } } };
}

export const lessonProgress = entry;
