// Resilience patterns on the calls a service makes to another, switchable so a learner can compare a failure with and without them.
import { z } from "zod";
import { DEFAULT_RESILIENCE as DEFAULTS } from "./resilience-default";

export const ResilienceSchema = z
  .object({
    /** Give up on a call after timeoutMs; off means wait up to the hard limit (10 s). */
    timeouts: z.boolean(),
    timeoutMs: z.number().int().min(50).max(10_000),
    /** Retry a failed idempotent call (GET) up to `retries` times with exponential backoff. */
    retries: z.number().int().min(0).max(5),
    /** Stop calling a callee that keeps failing; try again after openMs (half-open). */
    circuitBreaker: z.boolean(),
    /** Ask every process whether it can serve (GET /ready, which faults reach), not only whether it answers (GET /health). */
    readinessChecks: z.boolean(),
  })
  .strict();
export type Resilience = z.infer<typeof ResilienceSchema>;

/** The resilience a stack starts with: the plain value the shop's processes read, held to the schema's type here. */
export const DEFAULT_RESILIENCE: Resilience = DEFAULTS;

export const CircuitStateSchema = z.enum(["closed", "open", "half-open"]);
export type CircuitState = z.infer<typeof CircuitStateSchema>;
