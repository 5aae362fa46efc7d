// A circuit breaker per callee: after enough failures in a row it opens and calls fail at once; after a pause one
// trial call is let through (half-open), and its outcome closes or reopens the circuit.
import type { CircuitState } from "../../../lib/contract/resilience";

/** Failures in a row that open the circuit. */
export const FAILURES_TO_OPEN = 5;
/** How long an open circuit refuses calls before it lets one trial through. */
export const OPEN_FOR_MS = 5_000;

export class CircuitBreaker {
  state: CircuitState = "closed";
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(private readonly onChange: (state: CircuitState, reason: string) => void) {}

  /** Whether a call may go out now; an open circuit that has rested long enough lets exactly one through. */
  allow(now = Date.now()): boolean {
    if (this.state === "closed") return true;
    if (this.state === "open" && now - this.openedAt >= OPEN_FOR_MS) this.move("half-open", "trying one call after the pause");
    if (this.state === "half-open" && !this.trialInFlight) {
      this.trialInFlight = true;
      return true;
    }
    return false;
  }

  succeeded(): void {
    this.failures = 0;
    this.trialInFlight = false;
    if (this.state !== "closed") this.move("closed", "a call succeeded");
  }

  failed(now = Date.now()): void {
    this.trialInFlight = false;
    this.failures++;
    if (this.state === "half-open") this.open(now, "the trial call failed");
    else if (this.state === "closed" && this.failures >= FAILURES_TO_OPEN) this.open(now, `${this.failures} calls failed in a row`);
  }

  /** Back to closed with no history (the pattern was switched off). */
  reset(): void {
    this.failures = 0;
    this.trialInFlight = false;
    if (this.state !== "closed") this.move("closed", "the circuit breaker was switched off");
  }

  private open(now: number, reason: string): void {
    this.openedAt = now;
    this.move("open", reason);
  }

  private move(state: CircuitState, reason: string): void {
    this.state = state;
    this.onChange(state, reason);
  }
}
