// A queue seen through its events: what waits is added minus finished, never below zero, with its rates.
import { describe, expect, it } from "vitest";
import { QueueFlow } from "./queue-flow";

const T0 = 1_700_000_000_000;

describe("a queue seen through its events", () => {
  it("counts what waits as added minus finished for good, and its rates over the window", () => {
    const flow = new QueueFlow(10_000);
    for (let index = 0; index < 20; index++) flow.record("added", T0 + index * 100);
    for (let index = 0; index < 10; index++) flow.record("active", T0 + index * 100);
    for (let index = 0; index < 8; index++) flow.record("completed", T0 + index * 200);
    flow.record("retry", T0 + 500);
    flow.record("failed", T0 + 600);
    expect(flow.depth).toBe(11);
    expect(flow.rates(T0 + 10_000)).toEqual({ addedPerS: 2, completedPerS: 0.8 });
  });

  it("never says fewer than zero wait, and forgets them when their process goes", () => {
    const flow = new QueueFlow(10_000);
    flow.record("completed", T0);
    expect(flow.depth).toBe(0);
    flow.record("added", T0);
    flow.record("added", T0);
    flow.forgetWaiting();
    expect(flow.depth).toBe(0);
  });
});
