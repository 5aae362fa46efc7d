// How often one client (an address) may exchange a link for a pass: a few wrong codes a minute, so a join code cannot
// be guessed, and a bounded number of passes, so one machine cannot make itself a whole class of viewers.
/** Counts events per key over a sliding window; past the limit, tells how long to wait. */
export class WindowLimit {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds before `key` may act again (0: now). */
  waitMs(key: string): number {
    const recent = this.recent(key);
    return recent.length < this.limit ? 0 : recent[recent.length - this.limit] + this.windowMs - this.now();
  }

  record(key: string): void {
    // A flood of addresses cannot grow the table without end: the keys with nothing in the window go first.
    if (this.seen.size >= 10_000) for (const known of [...this.seen.keys()]) this.recent(known);
    this.seen.set(key, [...this.recent(key), this.now()]);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.seen.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.seen.delete(key);
    else this.seen.set(key, kept);
    return kept;
  }
}

/** Ten wrong links a minute: a person mistyping never meets it; a guesser tries ten codes of 887 million a minute. */
export const WRONG_LINKS = { limit: 10, windowMs: 60_000 };
/** Passes one address is given in ten minutes: every reload of a class's pages, not a room made of one machine. */
export const PASSES = { limit: 60, windowMs: 10 * 60_000 };

export class JoinThrottle {
  private readonly wrong: WindowLimit;
  private readonly passes: WindowLimit;

  constructor(now: () => number = Date.now) {
    this.wrong = new WindowLimit(WRONG_LINKS.limit, WRONG_LINKS.windowMs, now);
    this.passes = new WindowLimit(PASSES.limit, PASSES.windowMs, now);
  }

  /** Whole seconds `client` must wait before its next exchange, or 0. */
  retryAfterS(client: string): number {
    return Math.ceil(Math.max(this.wrong.waitMs(client), this.passes.waitMs(client)) / 1000);
  }

  failed(client: string): void {
    this.wrong.record(client);
  }

  passGiven(client: string): void {
    this.passes.record(client);
  }
}
