// The plain-language reading follows the numbers: change a figure and the sentence changes with it.
import { describe, expect, it } from "vitest";
import type { StackComparison } from "../contract/compare";
import { readComparison } from "./comparison-reading";

const figures = (over: Partial<NonNullable<StackComparison["figures"]>> = {}): NonNullable<StackComparison["figures"]> => ({
  stack: "microservices",
  rps: 50,
  p50Ms: 4,
  p95Ms: 9,
  errorRate: 0,
  cpuPercent: 20,
  rssBytes: 500 * 2 ** 20,
  processes: 8,
  ...over,
});
const stack = (id: "microservices" | "monolith", over: Partial<StackComparison> = {}): StackComparison => ({ stack: id, running: true, figures: figures({ stack: id }), lastRedeploy: null, lastFailure: null, ...over });

describe("readComparison", () => {
  it("says which stack answers faster, by how much, from the medians given", () => {
    const reading = readComparison([stack("microservices", { figures: figures({ p50Ms: 6 }) }), stack("monolith", { figures: figures({ stack: "monolith", p50Ms: 2, processes: 1 }) })]);
    expect(reading[0]).toBe("Under the same traffic the monolith answers faster at the median: 2.0 ms against 6.0 ms (3.0×), since its module calls are function calls, not network hops.");
    const flipped = readComparison([stack("microservices", { figures: figures({ p50Ms: 2 }) }), stack("monolith", { figures: figures({ stack: "monolith", p50Ms: 6 }) })]);
    expect(flipped[0]).toMatch(/^Under the same traffic the microservices answers faster at the median: 2.0 ms against 6.0 ms/);
  });

  it("counts processes and memory of each stack", () => {
    const reading = readComparison([stack("microservices"), stack("monolith", { figures: figures({ stack: "monolith", processes: 1, rssBytes: 90 * 2 ** 20 }) })]);
    expect(reading).toContain("The microservices run 8 processes in 500 MB; the monolith runs 1 in 90 MB.");
  });

  it("asks for traffic when there is none to measure", () => {
    expect(readComparison([stack("microservices", { figures: figures({ rps: 0, p50Ms: null }) })])[0]).toMatch(/start the traffic generator/);
  });

  it("reports a redeploy's failed requests and downtime, or that it failed none", () => {
    const redeploy = { service: "monolith", strategy: "recreate" as const, startedAt: 0, endedAt: 900, requests: 40, failed: 12, unavailableMs: 900 };
    expect(readComparison([stack("monolith", { lastRedeploy: redeploy })])).toContain("Redeploying the monolith failed 12 of 40 shoppers' requests; the shop was unavailable for 0.9 s.");
    expect(readComparison([stack("microservices", { lastRedeploy: { ...redeploy, service: "payment-service", failed: 0, unavailableMs: 0 } })])).toContain("Redeploying payment-service (recreate) failed none of 40 shoppers' requests.");
  });

  it("names the features a failure broke and those that kept working", () => {
    const failure = { what: "payment-service was killed", service: "payment-service", at: 0, failedFeatures: [], workingFeatures: ["browse" as const, "order" as const], requests: 30, failed: 0 };
    expect(readComparison([stack("microservices", { lastFailure: failure })])).toContain("After payment-service was killed in the microservices, nothing failed; browse and order kept working.");
    const monolith = { ...failure, what: "monolith was killed", failedFeatures: ["browse" as const, "order" as const], workingFeatures: [] };
    expect(readComparison([stack("monolith", { lastFailure: monolith })])).toContain("After monolith was killed in the monolith, browse and order failed.");
  });
});
