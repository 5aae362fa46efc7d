"use client";
// The course map: every lesson with its length and what it proves; the learner's progress, exportable and importable.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { Progress } from "../../lib/contract/lessons";
import { EMPTY_PROGRESS, lessonProgress, loadProgress } from "../../lib/client/lesson-progress";
import { lessonList } from "../../lib/lessons/lessons";
import { connectSandbox } from "../../lib/client/socket";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { ProgressFile } from "./ProgressFile";
import "./tutorial.css";

export function CourseMap() {
  const [progress, setProgress] = useState<Progress>(EMPTY_PROGRESS);
  useEffect(() => setProgress(loadProgress()), []);
  // The bar above says whether the sandbox is live and offers its architecture switch: both need the connection.
  useEffect(() => connectSandbox(sandboxStore), []);
  const { lessons } = lessonList();
  const completed = lessons.filter((lesson) => lessonProgress(progress, lesson.id).completed).length;
  return (
    <main className="course">
      <h2>Guided lessons</h2>
      <p>Each lesson is one claim of the guide. You act on the live sandbox; each step ticks itself when the sandbox shows it happened.</p>
      <div className="course-tools">
        <p role="status" data-completed-count={completed}>{completed} of {lessons.length} lessons done.</p>
        <ProgressFile progress={progress} onImport={setProgress} />
      </div>
      <ol className="course-list">
        {lessons.map((lesson) => {
          const mine = lessonProgress(progress, lesson.id);
          return (
            <li key={lesson.id} data-lesson-card={lesson.id} data-completed={mine.completed}>
              <h2><Link href={`/tutorial/${lesson.id}/${lesson.steps[0].id}`}>{lesson.title}</Link></h2>
              <p>{lesson.proves}</p>
              <p className="muted">
                {lesson.minutes} min · {lesson.steps.length} steps · {mine.completed ? "✓ done" : `${mine.done.length} of ${lesson.steps.length} steps done`}
              </p>
              {mine.measured && (
                <details data-lesson-measured>
                  <summary>What your run measured{mine.right && mine.right.of > 0 ? ` · predictions ${mine.right.right} of ${mine.right.of} right` : ""}</summary>
                  <ul>{mine.measured.map((line) => <li key={line}>{line}</li>)}</ul>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </main>
  );
}
