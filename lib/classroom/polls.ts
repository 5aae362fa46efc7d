// A predict-then-watch poll as data: one vote per viewer (changeable until it closes), the tally hidden until the
// presenter reveals it, and what the sandbox measured written beside it at the reveal. A poll can be asked again after
// a discussion: the first round's votes are kept, hidden like the second's, and both tallies shown at the reveal.
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
  /** The earlier rounds' votes, oldest first, when the poll was asked again. */
  rounds: Array<Map<string, string>>;
}

/** A room of students, each voting once: more than this many voters in one poll is not a class. */
export const MAX_VOTERS = 2_000;

export function openPoll(id: string, question: string, choices: Poll["choices"], source: Poll["source"] = null): Poll {
  return { id, question, choices, state: "open", votes: new Map(), measured: null, source, rounds: [] };
}

/** At most this many rounds of one poll: vote, discuss, vote again. */
export const MAX_ROUNDS = 2;

/** Why the poll cannot be asked again (a sentence), or undefined once it is open for its next round. */
export function askAgain(poll: Poll): string | undefined {
  if (poll.state === "open") return "this poll is still open: close it before asking again";
  if (poll.rounds.length + 1 >= MAX_ROUNDS) return `a poll is asked at most ${MAX_ROUNDS} times`;
  poll.rounds.push(poll.votes);
  poll.votes = new Map();
  poll.state = "open";
  poll.measured = null;
  return undefined;
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

export function tallyOf(poll: Pick<Poll, "choices" | "votes">): Record<string, number> {
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
    round: poll.rounds.length + 1,
    // Hidden until the reveal like the current one: a class that saw the first count would vote by it.
    earlier: poll.state === "revealed" ? poll.rounds.map((votes) => tallyOf({ choices: poll.choices, votes })) : [],
  };
}
