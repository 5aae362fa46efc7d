// Socket batches are handed on once per frame, in order, with a bound on what may wait.
import { describe, expect, it } from "vitest";
import type { NumberedEvent } from "../contract/events";
import { MAX_PENDING, createFrameBatcher, type FrameScheduler } from "./frame-batcher";

function manualFrames() {
  const waiting: Array<() => void> = [];
  const scheduler: FrameScheduler = {
    request(callback) {
      waiting.push(callback);
      return () => waiting.splice(waiting.indexOf(callback), 1);
    },
  };
  return { scheduler, frame: () => waiting.splice(0).forEach((run) => run()), waiting };
}

const batch = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ seq: from + i }) as NumberedEvent);

describe("createFrameBatcher", () => {
  it("hands every batch of a frame on in one flush, in order, and asks for one frame only", () => {
    const frames = manualFrames();
    const flushed: number[][] = [];
    const batcher = createFrameBatcher((events) => flushed.push(events.map((event) => event.seq)), frames.scheduler);
    batcher.push(batch(1, 3));
    batcher.push(batch(4, 5));
    expect(frames.waiting).toHaveLength(1);
    expect(flushed).toEqual([]);
    frames.frame();
    expect(flushed).toEqual([[1, 2, 3, 4, 5]]);
  });

  it("keeps the newest MAX_PENDING when frames stop, and says how many it let go", () => {
    const frames = manualFrames();
    let skipped = -1;
    let count = 0;
    const batcher = createFrameBatcher((events, lost) => ((count = events.length), (skipped = lost)), frames.scheduler);
    batcher.push(batch(1, MAX_PENDING + 25));
    frames.frame();
    expect(count).toBe(MAX_PENDING);
    expect(skipped).toBe(25);
  });

  it("forgets what waited when dropped (a snapshot replaced it)", () => {
    const frames = manualFrames();
    const flushed: NumberedEvent[][] = [];
    const batcher = createFrameBatcher((events) => flushed.push(events), frames.scheduler);
    batcher.push(batch(1, 2));
    batcher.drop();
    frames.frame();
    expect(flushed).toEqual([]);
  });
});
