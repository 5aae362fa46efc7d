"use client";
// The lesson's steps in a row of marks: done, the one open now, those to come.
import type { Lesson, LessonRun } from "../../lib/contract/lessons";

const MARK = { done: "✓", active: "▸", pending: "·", skipped: "–" } as const;

export function LessonSteps({ lesson, run, viewed }: { lesson: Lesson; run: LessonRun | null; viewed: number }) {
  return (
    <ol className="lesson-step-marks" aria-label="steps">
      {lesson.steps.map((step, index) => {
        const status = run?.steps[index]?.status ?? "pending";
        return (
          <li key={step.id} data-step-id={step.id} data-status={status} data-satisfied-at={run?.steps[index]?.satisfiedAt ?? undefined} data-ticked-at={run?.steps[index]?.tickedAt} aria-current={index === viewed ? "step" : undefined}>
            <span aria-hidden="true">{MARK[status]}</span> {step.title}
            <span className="visually-hidden"> ({status})</span>
          </li>
        );
      })}
    </ol>
  );
}
