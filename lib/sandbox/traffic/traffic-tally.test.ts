// A run's tally: a request the shop refused (429) is counted as refused, never as served or as broken; an ended run
// keeps the latency it measured, so the panel's table and its sentence read the same figures afterwards.
import { describe, expect, it } from "vitest";
import { describeResult } from "./traffic-generator";
import { TrafficTally } from "./traffic-tally";

const T0 = 1_700_000_000_000;

describe("TrafficTally", () => {
  it("counts 429 answers as refused and says so in the run's result", () => {
    const tally = new TrafficTally("microservices");
    tally.sent = 4;
    for (const status of [200, 429, 429, 503]) tally.answered(status, 5);
    expect(tally.view()).toMatchObject({ ok: 1, refused: 2, failed: 1 });
    expect(describeResult([tally.view()])).toMatch(/4 requests sent, 1 of 4 answered failed, 2 refused by the shop \(429\)/);
  });

  it("reads an ended run's latency as of its last answer, not as an empty window later", () => {
    const tally = new TrafficTally("monolith");
    for (let index = 0; index < 20; index++) tally.answered(200, 4 + index, T0 + index * 50);
    const later = T0 + 60_000;
    expect(tally.view(later).p50Ms).toBeNull();
    expect(tally.view(later, true)).toMatchObject({ ok: 20, failed: 0, p50Ms: tally.view(T0 + 1_000).p50Ms, p95Ms: tally.view(T0 + 1_000).p95Ms });
    expect(tally.view(later, true).p50Ms).not.toBeNull();
  });
});
