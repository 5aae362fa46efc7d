// Pacing the traffic: exactly the rate over time however the timer jitters, no burst after a stall, a low rate spread.
import { describe, expect, it } from "vitest";
import { dueAtTick } from "./pacing";

/** Ticks every `tickMs` (with optional jitter) for `durationMs`, as the generator's timer does. */
function simulate(rps: number, durationMs: number, tickAt: (index: number) => number) {
  let issued = 0;
  let sent = 0;
  let dropped = 0;
  let maxPerTick = 0;
  // The last tick lands on the end, as the generator's does; a bounded loop whatever tickAt says.
  for (let index = 1, done = false; !done && index < 100_000; index++) {
    const at = Math.min(durationMs, tickAt(index));
    done = at >= durationMs;
    const due = dueAtTick({ rps, issued }, at, 100);
    issued = due.issued;
    sent += due.send;
    dropped += due.dropped;
    maxPerTick = Math.max(maxPerTick, due.send);
  }
  return { sent, dropped, maxPerTick };
}

describe("pacing", () => {
  it("sends exactly the rate over time, however the timer jitters", () => {
    expect(simulate(30, 10_000, (index) => index * 25).sent).toBe(300);
    expect(simulate(500, 10_000, (index) => index * 25).sent).toBe(5_000);
    // Ticks 20–45 ms apart, never on time.
    expect(simulate(7, 10_000, (index) => index * 25 + ((index * 7919) % 20) - 5).sent).toBe(70);
  });

  it("sends no burst after a stall: at most 100 ms worth at once, the rest of a second's worth at the next ticks, beyond that given up", () => {
    let due = dueAtTick({ rps: 500, issued: 0 }, 25, 100, 1_000);
    expect(due.send).toBe(12);
    due = dueAtTick({ rps: 500, issued: due.issued }, 2_025, 100, 1_000);
    expect(due.send).toBe(50);
    expect(due.dropped).toBe(1_012 - 12 - 500);
    expect(due.issued).toBe(12 + 50 + due.dropped);
    // The backlog kept goes out 100 ms worth a tick.
    expect(dueAtTick({ rps: 500, issued: due.issued }, 2_050, 100, 1_000).send).toBe(50);
  });

  it("gives nothing up at a low rate after a stall shorter than the backlog: 20 requests/s through a 300 ms stall", () => {
    const stalled = (index: number) => (index < 10 ? index * 25 : index === 10 ? 550 : 550 + (index - 10) * 25);
    let issued = 0;
    let dropped = 0;
    let sent = 0;
    for (let index = 1; index <= 100; index++) {
      const due = dueAtTick({ rps: 20, issued }, stalled(index), 100, 1_000);
      issued = due.issued;
      dropped += due.dropped;
      sent += due.send;
      expect(due.send).toBeLessThanOrEqual(2);
    }
    expect(dropped).toBe(0);
    expect(sent).toBe(Math.floor((stalled(100) * 20) / 1_000));
  });

  it("spreads a low rate: one request per 1/rps, not all at the start of the second", () => {
    expect(dueAtTick({ rps: 1, issued: 0 }, 999, 100).send).toBe(0);
    expect(dueAtTick({ rps: 1, issued: 0 }, 1_000, 100).send).toBe(1);
  });
});
