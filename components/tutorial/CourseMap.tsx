"use client";
// The course map: every lesson with its length and what it proves; the learner's progress, exportable and importable.
// Beside it, the challenges: puzzles with a goal in numbers and a par, two of them diagnoses of a hidden fault.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { Progress } from "../../lib/contract/lessons";
import { EMPTY_PROGRESS, lessonProgress, loadProgress } from "../../lib/client/lesson-progress";
import { challenges as allChallenges, lessonList } from "../../lib/lessons/lessons";
import { connectSandbox } from "../../lib/client/socket";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { ProgressFile } from "./ProgressFile";
import "./tutorial.css";

type Tab = "lessons" | "challenges";

export function CourseMap() {
  const [progress, setProgress] = useState<Progress>(EMPTY_PROGRESS);
  const [tab, setTab] = useState<Tab>("lessons");
  useEffect(() => setProgress(loadProgress()), []);
  // The address says which tab (a challenge's "Challenges" link comes back to it).
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get("tab") === "challenges") setTab("challenges");
  }, []);
  const choose = (next: Tab) => {
    setTab(next);
    window.history.replaceState(null, "", next === "challenges" ? "/tutorial?tab=challenges" : "/tutorial");
    document.getElementById(`course-tab-${next}`)?.focus();
  };
  // The bar above says whether the sandbox is live and offers its architecture switch: both need the connection.
  useEffect(() => connectSandbox(sandboxStore), []);
  const { lessons } = lessonList();
  const completed = lessons.filter((lesson) => lessonProgress(progress, lesson.id).completed).length;
  const tabs: Array<[Tab, string]> = [["lessons", "Lessons"], ["challenges", "Challenges"]];
  return (
    <main className="course">
      <h2>Guided lessons</h2>
      <div role="tablist" aria-label="lessons or challenges" className="course-tabs">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`course-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`course-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={tab === id ? "active" : undefined}
            onClick={() => choose(id)}
            onKeyDown={(event) => {
              if (event.key === "ArrowRight" || event.key === "ArrowLeft") choose(id === "lessons" ? "challenges" : "lessons");
            }}
          >
            {label}
          </button>
        ))}
      </div>
      {tab === "challenges" ? (
        <ChallengeList />
      ) : (
        <div role="tabpanel" id="course-panel-lessons" aria-labelledby="course-tab-lessons">
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
        </div>
      )}
    </main>
  );
}

/** The challenges: a goal and a par each, no ring to follow; a diagnosis hides its culprit until it is named. */
function ChallengeList() {
  return (
    <div role="tabpanel" id="course-panel-challenges" aria-labelledby="course-tab-challenges">
      <p>A challenge states a goal in numbers and leaves the way to you: no ring, no steps to follow. Your actions on the sandbox are counted against a par; hints come only when you ask, and are counted too. In a diagnosis the sandbox hides a fault you must find and name before you fix it.</p>
      <ol className="course-list">
        {allChallenges().map((challenge) => (
          <li key={challenge.id} data-challenge-card={challenge.id}>
            <h2><Link href={`/tutorial/${challenge.id}/${challenge.steps[0].id}`}>{challenge.title}</Link></h2>
            <p>{challenge.challenge!.goal}</p>
            <p className="muted">
              {challenge.challenge!.culprits ? "diagnosis · " : ""}par {challenge.challenge!.par} {challenge.challenge!.par === 1 ? "action" : "actions"} · about {challenge.minutes} min
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
