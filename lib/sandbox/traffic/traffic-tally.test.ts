// A run's tally: a request the shop refused (429) is counted as refused, never as served or as broken.
import { describe, expect, it } from "vitest";
import { describeResult } from "./traffic-generator";
import { TrafficTally } from "./traffic-tally";

describe("traffic tally", () => {
  it("counts 429 answers as refused and says so in the run's result", () => {
    const tally = new TrafficTally("microservices");
    tally.sent = 4;
    for (const status of [200, 429, 429, 503]) tally.answered(status, 5);
    expect(tally.view()).toMatchObject({ ok: 1, refused: 2, failed: 1 });
    expect(describeResult([tally.view()])).toMatch(/4 requests sent, 1 of 4 answered failed, 2 refused by the shop \(429\)/);
  });
});
