// The resilience patterns a stack starts with, as a plain value a shop process can read without loading zod
// (lib/contract/resilience.ts holds it to the schema's type).

export const DEFAULT_RESILIENCE: { timeouts: boolean; timeoutMs: number; retries: number; circuitBreaker: boolean; readinessChecks: boolean } = {
  timeouts: true,
  timeoutMs: 3_000,
  retries: 0,
  circuitBreaker: false,
  readinessChecks: false,
};
