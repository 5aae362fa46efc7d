"use client";
// The presenter's poll: ask the lesson step's prediction or a question typed now, watch the count of votes, close
// and reveal (the class's answers then appear beside what the sandbox measured).
import { usePathname } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useStore } from "zustand";
import { classroomActions } from "../../lib/client/classroom-connection";
import { classroomStore } from "../../lib/client/stores/classroom-store";
import { findLesson } from "../../lib/lessons/lessons";
import { PollResult } from "./PollResult";

/** The step in the address, if it has a question for the room: a prediction, or a diagnosis's "which fault?". */
function stepWithPrediction(pathname: string): { lessonId: string; stepId: string; culprit: boolean } | null {
  const [, screen, lessonId, stepId] = pathname.split("/");
  if (screen !== "tutorial" || !lessonId || !stepId) return null;
  const lesson = findLesson(lessonId);
  const step = lesson?.steps.find((candidate) => candidate.id === stepId);
  const culprit = Boolean(lesson?.challenge?.culprits && step?.check.some((spec) => spec.is === "culpritNamed"));
  return step?.predict || culprit ? { lessonId, stepId, culprit } : null;
}

export function PollControls() {
  const poll = useStore(classroomStore, (state) => state.class?.poll ?? null);
  const step = stepWithPrediction(usePathname());
  const [question, setQuestion] = useState("");
  const [choices, setChoices] = useState("");
  const [error, setError] = useState<string | null>(null);
  const run = async (action: Promise<string | null>) => setError(await action);
  const openTyped = (event: FormEvent) => {
    event.preventDefault();
    const labels = choices.split(/\n|,/).map((label) => label.trim()).filter(Boolean);
    void run(classroomActions.openPoll({ question, choices: labels.map((label, index) => ({ id: `c${index + 1}`, label })) }));
  };
  return (
    <div className="poll-controls">
      <h3>Poll</h3>
      {poll && (
        <div data-presenter-poll={poll.state}>
          <p>
            <strong>{poll.question}</strong> — <span data-poll-votes={poll.votes}>{poll.votes} {poll.votes === 1 ? "vote" : "votes"}</span>, {poll.state}
            {poll.round > 1 ? `, round ${poll.round}` : ""}
          </p>
          <div className="op-row">
            {poll.state === "open" && <button type="button" className="op-button" onClick={() => void run(classroomActions.closePoll())}>Close voting</button>}
            {poll.state !== "revealed" && <button type="button" className="op-button" onClick={() => void run(classroomActions.revealPoll())}>Reveal</button>}
            {poll.state !== "open" && poll.round === 1 && (
              <button type="button" className="op-button" onClick={() => void run(classroomActions.askPollAgain())} title="after a discussion: the same question, the first round's count kept for the reveal">
                Ask again
              </button>
            )}
          </div>
          <PollResult poll={poll} />
        </div>
      )}
      {step && (
        <button type="button" className="op-button" onClick={() => void run(classroomActions.openPoll({ lessonId: step.lessonId, stepId: step.stepId }))}>
          {step.culprit ? "Ask the class: which fault?" : "Ask this step's prediction"}
        </button>
      )}
      <form className="poll-form" onSubmit={openTyped} aria-label="a question of your own">
        <label>
          Question <input value={question} onChange={(event) => setQuestion(event.target.value)} required maxLength={300} />
        </label>
        <label>
          Choices (comma-separated) <input value={choices} onChange={(event) => setChoices(event.target.value)} required />
        </label>
        <button type="submit" className="op-button">Open the poll</button>
      </form>
      {error && <p className="bad-text" role="alert">{error}</p>}
    </div>
  );
}
