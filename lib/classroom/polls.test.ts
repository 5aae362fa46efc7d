// Polls as data: one vote per viewer, changeable while open, tally hidden until the reveal.
import { describe, expect, it } from "vitest";
import { castVote, closePoll, openPoll, pollView, revealPoll } from "./polls";

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
});
