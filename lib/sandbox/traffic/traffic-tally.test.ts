// An ended run keeps the latency it measured: the panel's table and its sentence read the same figures afterwards.
import { describe, expect, it } from "vitest";
import { TrafficTally } from "./traffic-tally";

const T0 = 1_700_000_000_000;

describe("TrafficTally", () => {
  it("reads an ended run's latency as of its last answer, not as an empty window later", () => {
    const tally = new TrafficTally("monolith");
    for (let index = 0; index < 20; index++) tally.answered(200, 4 + index, T0 + index * 50);
    const later = T0 + 60_000;
    expect(tally.view(later).p50Ms).toBeNull();
    expect(tally.view(later, true)).toMatchObject({ ok: 20, failed: 0, p50Ms: tally.view(T0 + 1_000).p50Ms, p95Ms: tally.view(T0 + 1_000).p95Ms });
    expect(tally.view(later, true).p50Ms).not.toBeNull();
  });
});
