// Which lesson step's prediction the class's poll asks: the lesson panel then leaves that question to the poll.
import { describe, expect, it } from "vitest";
import type { PollView } from "../../contract/classroom";
import { initialClassroom, pollAsksStep, type ClassroomState } from "./classroom-store";

const poll = (source: PollView["source"]): PollView => ({ id: "p1", question: "What happens?", choices: [], state: "open", votes: 0, tally: null, measured: null, source, round: 1, earlier: [] });
const inClass = (current: PollView | null): ClassroomState => ({
  ...initialClassroom,
  checked: true,
  enabled: true,
  role: "audience",
  class: { joinCode: "ABCD", viewers: { connected: 1, following: 1 }, letClassShop: false, poll: current },
});

describe("pollAsksStep", () => {
  it("is true only for the step the poll came from", () => {
    const state = inClass(poll({ lessonId: "payment-outage", stepId: "accept-orders" }));
    expect(pollAsksStep(state, "payment-outage", "accept-orders")).toBe(true);
    expect(pollAsksStep(state, "payment-outage", "drain")).toBe(false);
    expect(pollAsksStep(state, "broker-crash", "accept-orders")).toBe(false);
  });
  it("is false for a question typed on the spot, with no poll, and outside a classroom", () => {
    expect(pollAsksStep(inClass(poll(null)), "payment-outage", "accept-orders")).toBe(false);
    expect(pollAsksStep(inClass(null), "payment-outage", "accept-orders")).toBe(false);
    expect(pollAsksStep({ ...inClass(poll({ lessonId: "payment-outage", stepId: "accept-orders" })), enabled: false }, "payment-outage", "accept-orders")).toBe(false);
  });
});
