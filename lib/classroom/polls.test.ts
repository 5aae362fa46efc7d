// Polls as data: one vote per viewer, changeable while open, tally hidden until the reveal.
import { describe, expect, it } from "vitest";
import { askAgain, castVote, closePoll, openPoll, pollView, revealPoll } from "./polls";

const choices = [{ id: "yes", label: "Yes" }, { id: "no", label: "No" }];

describe("a poll", () => {
  it("counts one vote per viewer, the last one given", () => {
    const poll = openPoll("p1", "Q?", choices);
    expect(castVote(poll, "p1", "ada", "yes")).toBeUndefined();
    expect(castVote(poll, "p1", "ada", "no")).toBeUndefined();
    expect(castVote(poll, "p1", "bob", "no")).toBeUndefined();
    revealPoll(poll, "measured");
    expect(pollView(poll)).toMatchObject({ votes: 2, tally: { yes: 0, no: 2 }, measured: "measured" });
  });

  it("hides the tally until revealed, and refuses votes once closed, for another poll or an unknown choice", () => {
    const poll = openPoll("p1", "Q?", choices);
    castVote(poll, "p1", "ada", "yes");
    expect(pollView(poll).tally).toBeNull();
    expect(castVote(poll, "p0", "bob", "yes")).toMatch(/no longer/);
    expect(castVote(poll, "p1", "bob", "maybe")).toMatch(/not one of/);
    expect(castVote(null, "p1", "bob", "yes")).toMatch(/no longer/);
    closePoll(poll);
    expect(castVote(poll, "p1", "ada", "no")).toMatch(/closed/);
    expect(pollView(poll)).toMatchObject({ state: "closed", votes: 1, tally: null });
  });

  it("is asked again after a discussion: a fresh round of votes, the first round's tally hidden until both are revealed", () => {
    const poll = openPoll("p1", "Q?", choices);
    castVote(poll, "p1", "ada", "yes");
    castVote(poll, "p1", "bob", "yes");
    expect(askAgain(poll)).toMatch(/still open/);
    closePoll(poll);
    expect(askAgain(poll)).toBeUndefined();
    expect(pollView(poll)).toMatchObject({ state: "open", round: 2, votes: 0, tally: null, earlier: [] });
    castVote(poll, "p1", "ada", "no");
    castVote(poll, "p1", "bob", "yes");
    closePoll(poll);
    expect(askAgain(poll)).toMatch(/at most 2 times/);
    revealPoll(poll, "measured");
    expect(pollView(poll)).toMatchObject({ round: 2, tally: { yes: 1, no: 1 }, earlier: [{ yes: 2, no: 0 }] });
  });
});
