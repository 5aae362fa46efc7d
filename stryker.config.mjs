// Mutation testing (StrykerJS) of the modules that protect the shop: `npm run test:mutation`, report in
// reports/mutation/mutation.json. Only the unit tests in vitest.mutation.config.ts run against each mutant.
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
    "lib/sandbox/audit.ts",
    "lib/sandbox/restart-policy.ts",
    "lib/sandbox/lifecycle.ts",
    "lib/sandbox/fault-registry.ts",
    "lib/sandbox/incident-tracker.ts",
    "lib/sandbox/comparison-reading.ts",
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
