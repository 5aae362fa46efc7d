// A predict-then-watch poll as data: one vote per viewer (changeable until it closes), the tally hidden until the
// presenter reveals it, and what the sandbox measured written beside it at the reveal.
import type { PollView } from "../contract/classroom";

export interface Poll {
  id: string;
  question: string;
  choices: Array<{ id: string; label: string }>;
  state: "open" | "closed" | "revealed";
  /** viewer id → choice id. */
  votes: Map<string, string>;
  measured: string | null;
  source: { lessonId: string; stepId: string } | null;
}

/** A room of students, each voting once: more than this many voters in one poll is not a class. */
export const MAX_VOTERS = 2_000;

export function openPoll(id: string, question: string, choices: Poll["choices"], source: Poll["source"] = null): Poll {
  return { id, question, choices, state: "open", votes: new Map(), measured: null, source };
}

/** Why a vote is refused (a sentence), or undefined when it counts. */
export function castVote(poll: Poll | null, pollId: string, viewerId: string, choice: string): string | undefined {
  if (!poll || poll.id !== pollId) return "this poll is no longer the one open";
  if (poll.state !== "open") return "this poll is closed: votes can no longer change";
  if (!poll.choices.some((candidate) => candidate.id === choice)) return `"${choice}" is not one of this poll's choices`;
  if (!poll.votes.has(viewerId) && poll.votes.size >= MAX_VOTERS) return "this poll has all the votes it can hold";
  poll.votes.set(viewerId, choice);
  return undefined;
}

export function closePoll(poll: Poll): void {
  if (poll.state === "open") poll.state = "closed";
}

export function revealPoll(poll: Poll, measured: string): void {
  poll.state = "revealed";
  poll.measured = measured;
}

export function tallyOf(poll: Poll): Record<string, number> {
  const tally: Record<string, number> = Object.fromEntries(poll.choices.map((choice) => [choice.id, 0]));
  for (const choice of poll.votes.values()) tally[choice] = (tally[choice] ?? 0) + 1;
  return tally;
}

/** What the class sees: the count of votes always, the tally only once revealed. */
export function pollView(poll: Poll): PollView {
  return {
    id: poll.id,
    question: poll.question,
    choices: poll.choices,
    state: poll.state,
    votes: poll.votes.size,
    tally: poll.state === "revealed" ? tallyOf(poll) : null,
    measured: poll.measured,
    source: poll.source,
  };
}
