"use client";
// A lesson beside the live sandbox: the step's text, what to do, a prediction, the live check list ticked by the
// server, hints, Show me, Put it back, and at the end the result card. Keyboard: Alt+← back, Alt+→ next, Alt+H hint, Alt+S show me.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { findLesson } from "../../lib/lessons/lessons";
import { announce } from "../../lib/client/lesson-announcement";
import { loadProgress, recordPrediction, recordRun, saveProgress } from "../../lib/client/lesson-progress";
import { useLessonRun } from "../../lib/client/use-lesson-run";
import { CheckList } from "./CheckList";
import { LessonPointer } from "./LessonPointer";
import { LessonSteps } from "./LessonSteps";
import { MomentMark } from "./MomentMark";
import { ChallengeCount, ChallengeGoal, CulpritForm } from "./ChallengeBoard";
import { PredictionChoice } from "./PredictionChoice";
import { ResultCard } from "./ResultCard";
import "./tutorial.css";
import { HINT_AFTER_MS } from "../../lib/client/lesson-hints";
import { useStore } from "zustand";
import { canAct, classroomStore, pollAsksStep } from "../../lib/client/stores/classroom-store";


export function LessonPanel({ lessonId, stepId }: { lessonId: string; stepId: string }) {
  const lesson = findLesson(lessonId);
  const { run, error, busy, showMe, restore, restart, predict, markMoment, guess, askHint } = useLessonRun(lessonId, stepId);
  const [progress, setProgress] = useState(() => ({ version: 1 as const, lessons: {} }));
  const [viewIndex, setViewIndex] = useState<number | null>(null);
  const [hints, setHints] = useState(0);
  const [said, setSaid] = useState("");
  const previous = useRef(run);

  useEffect(() => setProgress(loadProgress()), []);
  const activeIndex = run?.stepIndex ?? Math.max(0, lesson?.steps.findIndex((step) => step.id === stepId) ?? 0);
  const activeId = lesson?.steps[activeIndex]?.id;
  const metCount = run?.steps[activeIndex]?.checks.filter((check) => check.met).length ?? 0;

  useEffect(() => {
    if (!lesson) return;
    const sentence = announce(lesson, previous.current, run);
    if (sentence) setSaid(sentence);
    previous.current = run;
    if (run) setProgress((before) => {
      const after = recordRun(before, run);
      if (after !== before) saveProgress(after);
      return after;
    });
  }, [run, lesson]);

  // The address follows the step the server opened, so a reload comes back to it.
  useEffect(() => {
    // history.replaceState keeps the page (and its socket) as it is; Next's router follows it.
    if (run && !run.preparing && activeId && window.location.pathname !== `/tutorial/${lessonId}/${activeId}`) window.history.replaceState(null, "", `/tutorial/${lessonId}/${activeId}`);
    setViewIndex(null);
    setHints(0);
  }, [activeId]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    // A challenge gives hints only when asked: a hint offered by itself would take the puzzle away.
    if (lesson?.challenge) return;
    const timer = setTimeout(() => setHints((shown) => Math.max(shown, 1)), HINT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [activeId, metCount, lesson]);

  const viewed = viewIndex ?? activeIndex;
  const step = lesson?.steps[viewed];
  const stepRun = run?.steps[viewed];
  const keys = useRef<Record<string, () => void>>({});
  const puzzle = lesson?.challenge !== undefined;
  keys.current = {
    ArrowLeft: () => setViewIndex(Math.max(0, viewed - 1)),
    ArrowRight: () => setViewIndex(Math.min(activeIndex, viewed + 1)),
    // A challenge's hints are asked of the server, which counts them; a lesson's show on the page.
    h: () => (puzzle ? void askHint() : setHints((shown) => Math.min(step?.hints.length ?? 0, shown + 1))),
    s: () => void (run && !run.preparing && showMe()),
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = event.altKey && keys.current[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // A student in a classroom watches the presenter act: the step asks them to watch it done, without a ring to
  // press, and a prediction the class's poll asks is asked there only.
  const watching = !useStore(classroomStore, canAct);
  const polled = useStore(classroomStore, (state) => pollAsksStep(state, lessonId, step?.id ?? ""));
  if (!lesson || !step) return <section className="lesson-panel"><p>There is no such lesson. <Link href="/tutorial">See every lesson</Link>.</p></section>;
  const choose = (choice: string | null) => {
    void predict(step.id, choice);
    if (choice !== null) setProgress((before) => {
      const after = recordPrediction(before, lessonId, step.id, choice);
      saveProgress(after);
      return after;
    });
  };
  const done = stepRun?.status === "done";
  const activeHere = viewed === activeIndex && !run?.result;
  // The experiment starts after the prediction: until then the step says what it asks, not what to do.
  const awaitingPrediction = Boolean(step.predict) && activeHere && !stepRun?.prediction;
  // A look back: the step is checked on a moment of the recording the learner marks.
  const looksBack = step.check.some((spec) => spec.is === "momentFound");
  const count = run?.challenge ?? null;
  const shownHints = puzzle ? (count?.hints ?? 0) : hints;

  return (
    <section className="lesson-panel" aria-labelledby="lesson-title" data-lesson={lessonId} data-step={step.id} data-step-status={stepRun?.status ?? "pending"}>
      <p className="lesson-crumb">{puzzle ? <Link href="/tutorial?tab=challenges">Challenges</Link> : <Link href="/tutorial">Guided lessons</Link>} · step {viewed + 1} of {lesson.steps.length}</p>
      <h2 id="lesson-title">{lesson.title}</h2>
      <LessonSteps lesson={lesson} run={run} viewed={viewed} />
      {(run?.preparing || busy === "setting up") && <p className="lesson-preparing" role="status">Setting up the sandbox: {run?.preparing ?? "starting the lesson"}…</p>}
      {run?.broken && activeHere && (
        <div className="lesson-broken" data-broken>
          <p>{run.broken}</p>
          <button type="button" onClick={() => void restore()} disabled={busy !== null}>Put it back</button>
        </div>
      )}
      {run?.result ? (
        <>
          <ResultCard title={lesson.title} proves={lesson.proves} lines={run.result} verdicts={run.steps.flatMap((candidate) => (candidate.verdict ? [candidate.verdict.correct] : []))} />
          {count && <ChallengeCount count={count} />}
        </>
      ) : (
        <div className="lesson-step">
          <h3>{step.title}</h3>
          <p>{step.text}</p>
          {puzzle ? (
            <>
              <ChallengeGoal lesson={lesson} />
              {count && <ChallengeCount count={count} />}
              {count && step.check.some((spec) => spec.is === "culpritNamed") && <CulpritForm count={count} onGuess={activeHere && !watching && !run?.preparing ? (service, type) => void guess(service, type) : null} disabled={busy !== null} />}
            </>
          ) : awaitingPrediction ? (
            <p className="lesson-todo muted">{watching ? "The presenter asks first: the experiment starts after the answer." : "Answer the question below first: the experiment starts after it."}</p>
          ) : (
            <p className="lesson-todo"><strong>{watching ? "Watch the presenter do this:" : "Do this:"}</strong> {step.todo}</p>
          )}
        </div>
      )}
      {step.predict && !polled && (!run?.result || done) && (
        <PredictionChoice key={`${lessonId}/${step.id}`} predict={step.predict} stepId={step.id} prediction={stepRun?.prediction ?? null} verdict={stepRun?.verdict ?? null} measured={done ? (stepRun?.measured ?? null) : null} onPredict={activeHere && !watching && run && !run.preparing && busy === null ? choose : null} />
      )}
      {stepRun?.contradiction && activeHere && !puzzle && (
        <div className="lesson-broken" role="alert" data-contradiction>
          <p><strong>This run contradicts the claim.</strong> {stepRun.contradiction}.</p>
          {!watching && <button type="button" onClick={() => void restore()} disabled={busy !== null}>Run it again</button>}
        </div>
      )}
      {looksBack && (!run?.result || done) && <MomentMark marked={stepRun?.moment ?? null} onMark={activeHere && !watching && run && !run.preparing ? (at) => void markMoment(step.id, at) : null} disabled={busy !== null} />}
      {!run?.result && <CheckList checks={stepRun?.checks ?? []} />}
      {done && <p className="lesson-done" data-satisfied-at={stepRun?.satisfiedAt ?? undefined}>✓ Step done.</p>}
      {activeHere && shownHints > 0 && (
        <ul className="lesson-hints" aria-label="hints">
          {step.hints.slice(0, shownHints).map((hint) => <li key={hint}>{hint}</li>)}
        </ul>
      )}
      <div className="lesson-buttons">
        <button type="button" onClick={keys.current.ArrowLeft} disabled={viewed === 0} aria-keyshortcuts="Alt+ArrowLeft">Back</button>
        {activeHere && <button type="button" onClick={keys.current.h} disabled={shownHints >= step.hints.length || (puzzle && (!run || busy !== null || watching))} aria-keyshortcuts="Alt+H">{puzzle ? "Hint (counted)" : "Hint"}</button>}
        {activeHere && <button type="button" onClick={() => void showMe()} disabled={!run || busy !== null || Boolean(run.preparing) || awaitingPrediction} aria-keyshortcuts="Alt+S">{busy === "showing" ? "Showing…" : puzzle ? "Give up: show me" : "Show me"}</button>}
        <button type="button" onClick={keys.current.ArrowRight} disabled={viewed >= activeIndex} aria-keyshortcuts="Alt+ArrowRight">Next</button>
        <button type="button" className="link" onClick={() => void restart()} disabled={busy !== null}>Restart lesson</button>
      </div>
      {(error ?? run?.error) && <p className="bad-text" role="alert">{error ?? run?.error}</p>}
      <div className="visually-hidden" aria-live="polite" data-announcement>{said}</div>
      {activeHere && !watching && !run?.preparing && !awaitingPrediction && !puzzle && <LessonPointer target={step.target} />}
    </section>
  );
}
