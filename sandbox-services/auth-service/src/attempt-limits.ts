// How often one account, or one address, may fail to log in or register: past the limit the next attempt is a
// 429 with the seconds to wait, before any password is checked, so guessing and enumerating stay slow.
import { HttpError } from "@sandbox/runtime";

export interface LimitSettings {
  /** Failed attempts one account (an email) may have in the window. */
  perAccount: number;
  /** Failed attempts one address may have in the window, over every account it tries. */
  perAddress: number;
  windowMs: number;
}

/** Ten wrong guesses a minute for one account; a hundred from one shopper (as the app's proxy names them, else one address). */
export const DEFAULT_LIMITS: LimitSettings = { perAccount: 10, perAddress: 100, windowMs: 60_000 };
/** Keys kept at most: past this, the ones with no failure in the window are forgotten first. */
const MAX_KEYS = 10_000;

export class AttemptLimits {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly settings: LimitSettings = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws a 429 (with retryAfterS) when the account or the address has used up its failures. */
  check(email: string, address: string | undefined): void {
    const wait = Math.max(this.waitMs(`account:${email.toLowerCase()}`, this.settings.perAccount), address ? this.waitMs(`address:${address}`, this.settings.perAddress) : 0);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(429, `too many failed attempts: try again in ${seconds} s`, seconds);
    }
  }

  /** Counts one failed attempt against the account and the address. */
  failed(email: string, address: string | undefined): void {
    this.record(`account:${email.toLowerCase()}`);
    if (address) this.record(`address:${address}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.settings.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  private waitMs(key: string, limit: number): number {
    const recent = this.recent(key);
    return recent.length < limit ? 0 : recent[recent.length - limit] + this.settings.windowMs - this.now();
  }

  private record(key: string): void {
    if (this.failures.size >= MAX_KEYS) for (const known of [...this.failures.keys()]) this.recent(known);
    this.failures.set(key, [...this.recent(key), this.now()]);
  }
}
