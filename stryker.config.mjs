// Mutation testing (StrykerJS) of the modules that protect the shop: `npm run test:mutation`, report in
// reports/mutation/mutation.json. Only the unit tests in vitest.mutation.config.ts run against each mutant.
//
// Surviving mutants that are equivalent (no behaviour a test could see changes), named here beside the list of what is
// mutated, so a reader of a low score finds them in one place:
// - audit.ts readVersions: the blank-line filter (`line.trim() !== ""` → true / `line !== ""`): a blank line fails
//   JSON.parse and the catch skips it anyway.
// - runtime faults.ts blockFor `<` → `<=`: at most a microsecond more of busy-waiting. `delay > 0` → true / `>= 0`:
//   sleep(0) instead of no sleep, one macrotask later. Initial `faults`/`stack` values: every process is sent its
//   faults (setFaults) in the supervisor's greeting before it serves anything.
// - http-client.ts: `options.body === undefined ? undefined : JSON.stringify(…)` → always stringify:
//   JSON.stringify(undefined) is undefined. `if (!next.circuitBreaker)` → `if (next.circuitBreaker)`: the breakers
//   are reset when switched on instead of off, and a breaker that is off is never consulted, so calls see the same.
// - circuit-breaker.ts `trialInFlight = true` (initial, in succeeded(), in reset()): the circuit can only reach
//   half-open through failed(), which clears the flag first.
// Timing-only survivors, which no test asserts because tests make no timed assertions (speed is `npm run bench`'s):
// http-client.ts's pause after the last failed attempt (`round < tries` mutants) and `sleep` → no pause (retries
// without backoff).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  "testRunner": "vitest",
  "vitest": {
    "configFile": "vitest.mutation.config.ts",
    "related": false
  },
  "checkers": [],
  "coverageAnalysis": "perTest",
  "concurrency": 2,
  "mutate": [
    "lib/sandbox/metrics/audit.ts",
    "lib/sandbox/processes/restart-policy.ts",
    "lib/contract/lifecycle.ts",
    "lib/sandbox/faults/fault-registry.ts",
    "lib/sandbox/metrics/incident-tracker.ts",
    "lib/sandbox/metrics/comparison-reading.ts",
    "sandbox-services/runtime/src/circuit-breaker.ts",
    "sandbox-services/runtime/src/http-client.ts",
    "sandbox-services/runtime/src/resilience.ts",
    "sandbox-services/runtime/src/faults.ts"
  ],
  "ignorePatterns": [
    ".next",
    ".build",
    "e2e",
    "tests",
    "components",
    "app",
    "test-results",
    "playwright-report",
    ".test-reports",
    ".sandbox-data",
    "scripts"
  ],
  "reporters": [
    "clear-text",
    "progress",
    "json"
  ],
  "jsonReporter": {
    "fileName": "reports/mutation/mutation.json"
  },
  "thresholds": {
    "high": 90,
    "low": 80,
    "break": 80
  },
  "tempDirName": ".stryker-tmp",
  "incremental": true,
  "incrementalFile": "reports/stryker-incremental.json",
  "cleanTempDir": "always"
};
