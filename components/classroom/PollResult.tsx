"use client";
// A revealed poll: how the class voted, choice by choice (each round, when it was asked twice), beside what the sandbox
// measured.
import type { PollView } from "../../lib/contract/classroom";

export function PollResult({ poll }: { poll: PollView }) {
  if (!poll.tally) return null;
  const most = Math.max(1, ...Object.values(poll.tally));
  return (
    <div className="poll-result" data-poll-result>
      {poll.earlier.length > 0 && <p className="muted">Votes in the first round → after the discussion.</p>}
      <ul className="poll-tally" aria-label="how the class voted">
        {poll.choices.map((choice) => (
          <li key={choice.id} data-choice={choice.id} data-votes={poll.tally![choice.id] ?? 0} data-first-votes={poll.earlier[0]?.[choice.id]}>
            <span>{choice.label}</span>
            <span className="poll-bar" style={{ width: `${((poll.tally![choice.id] ?? 0) / most) * 100}%` }} aria-hidden="true" />
            <strong>
              {poll.earlier.length > 0 && <span className="muted">{poll.earlier.map((round) => round[choice.id] ?? 0).join(" → ")} → </span>}
              {poll.tally![choice.id] ?? 0}
            </strong>
          </li>
        ))}
      </ul>
      <p className="poll-measured" data-poll-measured>
        <strong>What the sandbox measured:</strong> {poll.measured}
      </p>
    </div>
  );
}
