// The page's own choices: selection, stream filter, pause and clear, and dragged positions.
import { describe, expect, it } from "vitest";
import type { NumberedEvent } from "../../contract/events";
import { clearStream, initialUi, moveNode, pauseStream, resumeStream, select, setFilter, unseenWhilePaused } from "./ui-store";

const events = [{ seq: 1 }, { seq: 2 }] as NumberedEvent[];

describe("pause and resume", () => {
  it("freezes the events on screen and counts what arrives meanwhile", () => {
    const paused = pauseStream(initialUi, events, 40);
    expect(paused.paused?.events).toBe(events);
    expect(unseenWhilePaused(paused.paused, 47)).toBe(7);
    // Pausing twice keeps the first moment.
    expect(pauseStream(paused, [], 45)).toBe(paused);
    const resumed = resumeStream(paused);
    expect(resumed.paused).toBeNull();
    expect(unseenWhilePaused(resumed.paused, 100)).toBe(0);
  });

  it("never counts below zero (a snapshot restarts the count)", () => {
    expect(unseenWhilePaused(pauseStream(initialUi, events, 40).paused, 3)).toBe(0);
  });
});

describe("clearStream", () => {
  it("hides everything up to the last event, also while paused", () => {
    const cleared = clearStream(pauseStream(initialUi, events, 2), 2);
    expect(cleared.clearedAfterSeq).toBe(2);
    expect(cleared.paused?.events).toEqual([]);
    expect(clearStream(initialUi, 9).paused).toBeNull();
  });
});

describe("setFilter, select and moveNode", () => {
  it("change only what they are given", () => {
    const filtered = setFilter(initialUi, { errorsOnly: true });
    expect(filtered.filter).toEqual({ ...initialUi.filter, errorsOnly: true });
    expect(select(filtered, { kind: "node", id: "order-service" }).selection).toEqual({ kind: "node", id: "order-service" });
    const moved = moveNode(moveNode(initialUi, "a", { x: 1, y: 2 }), "b", { x: 3, y: 4 });
    expect(moved.positions).toEqual({ a: { x: 1, y: 2 }, b: { x: 3, y: 4 } });
    expect(initialUi.positions).toEqual({});
  });
});
