// Skipped requests are explained by their real cause, never by one that did not happen.
import { describe, expect, it } from "vitest";
import { skippedNote } from "./traffic-notes";

const tally = (skipped: number, skippedLate: number, longestStallMs = 0) => ({ stack: "monolith" as const, sent: 100, ok: 100, failed: 0, refused: 0, ordersAccepted: 5, skipped, skippedLate, longestStallMs, p50Ms: 3, p95Ms: 9 });

describe("skippedNote", () => {
  it("says nothing when nothing was skipped", () => {
    expect(skippedNote([tally(0, 0, 80)])).toBeNull();
  });

  it("blames a stall of the sandbox's event loop, with how long, when that is why", () => {
    const note = skippedNote([tally(12, 12, 1_450)])!;
    expect(note).toContain("event loop stalled (for up to 1.4 s)");
    expect(note).not.toContain("in flight");
  });

  it("blames requests in flight only for those skipped so", () => {
    expect(skippedNote([tally(5, 0)])).toMatch(/^Skipped in flight: /);
  });
});
