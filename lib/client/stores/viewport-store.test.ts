// A follower's own pan or zoom stops following, but not one begun before the viewer asked to follow again: a wheel's
// zoom ends ~150 ms after its last turn, and that end came after a quick click on "Follow the presenter".
import { afterEach, describe, expect, it, vi } from "vitest";
import { movedByHandSince, noteMoveStart, noteUserMove, viewportStore } from "./viewport-store";

const wheel = {} as MouseEvent;
const at = (ms: number) => vi.spyOn(performance, "now").mockReturnValue(ms);
/** The hand-made moves that end during `work`, begun after `since`, as a follower sees them. */
function movesSeen(since: number, work: () => void): number {
  let seen = 0;
  const stop = viewportStore.subscribe((state, before) => void (movedByHandSince(state, before, since) && seen++));
  work();
  stop();
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
  viewportStore.setState({ current: null, requested: null, userMoves: 0, userMoveBegan: 0, moveUnderWay: null });
});

describe("moves made by hand", () => {
  it("counts a zoom begun after following again, with where it left the graph", () => {
    expect(movesSeen(100, () => {
      at(200);
      noteMoveStart(wheel);
      at(400);
      noteUserMove(wheel, { x: 10.4, y: -3.6, zoom: 0.83333 });
    })).toBe(1);
    expect(viewportStore.getState().current).toEqual({ x: 10, y: -4, zoom: 0.833 });
  });

  it("does not count a zoom begun before following again that ends after it", () => {
    expect(movesSeen(150, () => {
      at(100);
      noteMoveStart(wheel);
      at(250);
      noteUserMove(wheel, { x: 0, y: 0, zoom: 1.2 });
    })).toBe(0);
  });

  it("never counts a move the page made itself (no input event behind it)", () => {
    expect(movesSeen(0, () => {
      at(200);
      noteMoveStart(null);
      noteUserMove(null, { x: 5, y: 5, zoom: 1 });
    })).toBe(0);
    expect(viewportStore.getState().userMoves).toBe(0);
  });
});
