// The resilience patterns in force for this process's outgoing calls, as the supervisor last set them.
import { DEFAULT_RESILIENCE } from "../../../lib/contract/resilience-default";
import type { Resilience } from "../../../lib/contract/resilience";

let current: Resilience = DEFAULT_RESILIENCE;
const listeners = new Set<(next: Resilience) => void>();

/** With timeouts switched off a call still ends here, so nothing can hang for ever. */
export const HARD_TIMEOUT_MS = 10_000;

export function setResilience(next: Resilience): void {
  current = next;
  for (const listener of listeners) listener(next);
}

export const resilience = (): Resilience => current;

export function onResilienceChange(listener: (next: Resilience) => void): void {
  listeners.add(listener);
}

/** Pause before retry number `attempt` (1-based): 50, 100, 200 ms... */
export const retryDelayMs = (attempt: number): number => 50 * 2 ** (attempt - 1);
