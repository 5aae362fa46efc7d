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
 * jitter does not make the rate drift. After a stall (a busy event loop) at most `maxBurstMs` worth of requests go at
 * once and the rest wait for the next ticks, so a stall never turns into a burst on the shop; only what is owed beyond
 * `maxBacklogMs` worth (a stall longer than that) is given up (`dropped`).
 */
export function dueAtTick(pace: Pace, elapsedMs: number, maxBurstMs: number, maxBacklogMs = maxBurstMs): { send: number; dropped: number; issued: number } {
  const target = Math.floor((Math.max(0, elapsedMs) * pace.rps) / 1_000);
  const owed = Math.max(0, target - pace.issued);
  const limit = Math.max(1, Math.ceil((maxBurstMs * pace.rps) / 1_000));
  const backlog = Math.max(limit, Math.ceil((maxBacklogMs * pace.rps) / 1_000));
  const dropped = Math.max(0, owed - backlog);
  const send = Math.min(owed - dropped, limit);
  return { send, dropped, issued: pace.issued + send + dropped };
}
