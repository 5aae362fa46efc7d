// The unit tests that guard the shop's protective rules, and only those: StrykerJS runs them against each mutant of
// the modules listed in stryker.config.json (npm run test:mutation).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "lib/sandbox/metrics/audit.test.ts",
      "lib/sandbox/processes/restart-policy.test.ts",
      "lib/contract/lifecycle.test.ts",
      "lib/sandbox/faults/fault-registry.test.ts",
      "lib/sandbox/metrics/incident-tracker.test.ts",
      "lib/sandbox/metrics/comparison-reading.test.ts",
      "sandbox-services/runtime/src/circuit-breaker.test.ts",
      "sandbox-services/runtime/src/http-client.test.ts",
      "sandbox-services/runtime/src/faults.test.ts",
      "sandbox-services/runtime/src/resilience.test.ts",
    ],
    environment: "node",
  },
});
