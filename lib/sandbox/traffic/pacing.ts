// The traffic generator's pacing arithmetic: how many requests are due at each tick so the rate holds over time
// without drift, and how far it may catch up after the event loop was late. Pure: the caller passes the clock.

export interface Pace {
  /** Requests/s wanted. */
  rps: number;
  /** Requests counted as due so far (sent or given up): the schedule, not the outcome. */
  issued: number;
}

/**
 * Requests to send at this tick, `elapsedMs` after the start. The schedule is counted from the start, so timer
 * jitter does not make the rate drift; after a stall (a busy event loop) at most `maxBurstMs` worth of requests go
 * at once and the rest are given up (`dropped`), so a stall never turns into a burst on the shop.
 */
export function dueAtTick(pace: Pace, elapsedMs: number, maxBurstMs: number): { send: number; dropped: number; issued: number } {
  const target = Math.floor((Math.max(0, elapsedMs) * pace.rps) / 1_000);
  const owed = Math.max(0, target - pace.issued);
  const limit = Math.max(1, Math.ceil((maxBurstMs * pace.rps) / 1_000));
  const send = Math.min(owed, limit);
  return { send, dropped: owed - send, issued: pace.issued + owed };
}
