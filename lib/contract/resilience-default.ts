// The resilience patterns a stack starts with, as a plain value a shop process can read without loading zod.
import type { Resilience } from "./resilience";

export const DEFAULT_RESILIENCE: Resilience = { timeouts: true, timeoutMs: 3_000, retries: 0, circuitBreaker: false };
