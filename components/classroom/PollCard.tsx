"use client";
// A viewer's poll: the question, one vote (changeable until the presenter closes it), then the class's answers
// beside what was measured.
import { useState } from "react";
import { useStore } from "zustand";
import { classroomActions } from "../../lib/client/classroom-connection";
import { classroomStore } from "../../lib/client/stores/classroom-store";
import { PollResult } from "./PollResult";

export function PollCard() {
  const poll = useStore(classroomStore, (state) => state.class?.poll ?? null);
  const myVote = useStore(classroomStore, (state) => state.myVote);
  const [error, setError] = useState<string | null>(null);
  /** A revealed poll the viewer put away, so it no longer covers the graph. */
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!poll || dismissed === poll.id) return null;
  const vote = async (choice: string) => setError(await classroomActions.vote(poll.id, choice));
  return (
    <section className="classroom-card poll-card" aria-labelledby="poll-question" data-poll-state={poll.state}>
      <h2 id="poll-question">{poll.question}</h2>
      {poll.state === "open" && (
        <div role="group" aria-label="your prediction" className="poll-choices">
          {poll.choices.map((choice) => (
            <button key={choice.id} type="button" className="op-button" aria-pressed={myVote === choice.id} onClick={() => void vote(choice.id)}>
              {choice.label}
            </button>
          ))}
        </div>
      )}
      <p className="small" role="status">
        {poll.state === "open" ? (myVote ? "Your vote counts; you can change it until the poll closes." : "Vote: the answers stay hidden until the presenter reveals them.") : poll.state === "closed" ? "The poll is closed: wait for the reveal." : `${poll.votes} ${poll.votes === 1 ? "vote" : "votes"}.`}
      </p>
      {error && <p className="bad-text" role="alert">{error}</p>}
      <PollResult poll={poll} />
      {poll.state === "revealed" && (
        <button type="button" className="op-button" onClick={() => setDismissed(poll.id)}>
          Hide the results
        </button>
      )}
    </section>
  );
}
