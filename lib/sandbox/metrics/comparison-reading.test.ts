// The plain-language reading follows the numbers: change a figure and the sentence changes with it; figures polluted
// by failures give no verdict on speed.
import { describe, expect, it } from "vitest";
import type { StackComparison } from "../../contract/compare";
import type { ShopperFigures, StackMetrics } from "../../contract/control";
import { readComparison } from "./comparison-reading";

type Id = "microservices" | "monolith";
const shoppers = (over: Partial<ShopperFigures> = {}): ShopperFigures => ({ windowS: 5, rps: 50, answeredRps: 50, requests: 250, failed: 0, errorRate: 0, p50Ms: 4, p95Ms: 9, features: [], ...over });
const figures = (id: Id, over: Partial<ShopperFigures> = {}, totals: Partial<StackMetrics> = {}): StackMetrics => {
  const seen = shoppers(over);
  return { stack: id, up: true, rps: seen.rps, p50Ms: seen.p50Ms, p95Ms: seen.p95Ms, errorRate: seen.errorRate, shoppers: seen, processView: { rps: 50, p50Ms: 1, p95Ms: 2, errorRate: 0 }, cpuPercent: 20, rssBytes: (id === "monolith" ? 90 : 500) * 2 ** 20, processes: id === "monolith" ? 1 : 8, ...totals };
};
const stack = (id: Id, over: Partial<StackComparison> = {}): StackComparison => ({ stack: id, running: true, up: true, figures: figures(id), scaled: [], slowed: null, lastRedeploy: null, lastFailure: null, ...over });

describe("readComparison: speed", () => {
  it("says which stack answers shoppers faster, by how much, from the medians given", () => {
    const reading = readComparison([stack("microservices", { figures: figures("microservices", { p50Ms: 6, p95Ms: 20 }) }), stack("monolith", { figures: figures("monolith", { p50Ms: 2, p95Ms: 5 }) })]);
    expect(reading).toContain("Under the same traffic the monolith answers shoppers faster at the median: 2.0 ms against 6.0 ms (3.0×; p95 5.0 ms against 20 ms), since its module calls are function calls, not network hops.");
    const flipped = readComparison([stack("microservices", { figures: figures("microservices", { p50Ms: 2 }) }), stack("monolith", { figures: figures("monolith", { p50Ms: 6 }) })]);
    expect(flipped.some((sentence) => sentence.startsWith("Under the same traffic the microservices answer shoppers faster at the median: 2.0 ms against 6.0 ms"))).toBe(true);
  });

  it("says so when the p95 goes the other way from the median, never 'faster' alone", () => {
    const reading = readComparison([stack("microservices", { figures: figures("microservices", { p50Ms: 7.3, p95Ms: 50 }) }), stack("monolith", { figures: figures("monolith", { p50Ms: 6, p95Ms: 64 }) })]);
    expect(reading).toContain(
      "Under the same traffic the monolith answers shoppers faster at the median: 6.0 ms against 7.3 ms (1.2×), since its module calls are function calls, not network hops; but slower at p95: 64 ms against 50 ms, its slowest answers take longer.",
    );
  });

  it("draws no conclusion about speed when a stack fails requests: a fast 503 is not a fast answer", () => {
    const broken = figures("microservices", { p50Ms: 0.3, p95Ms: 1, failed: 60, errorRate: 0.24 });
    const reading = readComparison([stack("microservices", { figures: broken }), stack("monolith", { figures: figures("monolith", { p50Ms: 3 }) })]);
    expect(reading.some((sentence) => /faster/.test(sentence))).toBe(false);
    expect(reading).toContain("Latency is not compared while the microservices fail requests: a failed request is not a fast answer.");
    expect(reading).toContain("The microservices fail 24% of shoppers' requests right now (60 of 250).");
  });

  it("still compares when the failures are below the threshold (1%)", () => {
    const nearly = figures("microservices", { p50Ms: 6, failed: 2, errorRate: 0.008 });
    const reading = readComparison([stack("microservices", { figures: nearly }), stack("monolith", { figures: figures("monolith", { p50Ms: 2 }) })]);
    expect(reading.some((sentence) => sentence.startsWith("Under the same traffic the monolith answers shoppers faster"))).toBe(true);
  });

  it("says a dead stack is down, with its shoppers' failures, and compares no speed", () => {
    const dead = stack("monolith", { up: false, figures: figures("monolith", { p50Ms: null, p95Ms: null, requests: 240, failed: 240, errorRate: 1 }, { up: false, processes: 0, rssBytes: 0 }) });
    const reading = readComparison([stack("microservices"), dead]);
    expect(reading[0]).toBe("The monolith is down: shoppers cannot reach it, and 240 of their last 240 requests failed.");
    expect(reading.some((sentence) => /faster/.test(sentence))).toBe(false);
    expect(reading.some((sentence) => /processes in/.test(sentence))).toBe(false);
  });

  it("asks for traffic when there is none to measure", () => {
    expect(readComparison([stack("microservices", { figures: figures("microservices", { rps: 0, requests: 0, p50Ms: null, p95Ms: null }) })])[0]).toMatch(/start the traffic generator/);
  });
});

describe("readComparison: weight, scaling and slowdowns", () => {
  it("counts processes and memory of each stack", () => {
    expect(readComparison([stack("microservices"), stack("monolith")])).toContain("The microservices run 8 processes in 500 MB; the monolith runs 1 in 90 MB.");
  });

  it("says what scaling cost: whole copies of the monolith, one service's instances in the microservices", () => {
    const mono = stack("monolith", { scaled: [{ service: "monolith", replicas: 3, processes: 3, rssBytes: 300 * 2 ** 20, perCopyBytes: 100 * 2 ** 20 }] });
    const micro = stack("microservices", { scaled: [{ service: "product-service", replicas: 3, processes: 3, rssBytes: 210 * 2 ** 20, perCopyBytes: 70 * 2 ** 20 }] });
    const reading = readComparison([micro, mono]);
    expect(reading).toContain("The monolith runs 3 whole copies (3 × 100 MB = 300 MB): scaling one busy module copied all of them.");
    expect(reading).toContain("product-service runs 3 instances (3 × 70 MB = 210 MB); the other microservices stay as they were.");
    expect(readComparison([stack("microservices"), stack("monolith")]).some((sentence) => /copies|instances/.test(sentence))).toBe(false);
  });

  it("names the features a slowing fault slowed in each stack, or that none did", () => {
    const what = "a cpu-hog fault on payment-service";
    const mono = stack("monolith", { slowed: { what, since: 0, features: [{ feature: "browse", beforeP95Ms: 12, nowP95Ms: 146 }, { feature: "order", beforeP95Ms: 20, nowP95Ms: 210 }] } });
    const micro = stack("microservices", { slowed: { what, since: 0, features: [] } });
    const reading = readComparison([micro, mono]);
    expect(reading).toContain("Since a cpu-hog fault on payment-service, browse and order slowed in the monolith (browse: p95 12 ms before, 146 ms now).");
    expect(reading).toContain("Since a cpu-hog fault on payment-service, no feature of the microservices slowed for its shoppers.");
  });
});

describe("readComparison: incidents", () => {
  it("reports a redeploy's failed requests and downtime, or that it failed none", () => {
    const redeploy = { service: "monolith", strategy: "recreate" as const, startedAt: 0, endedAt: 900, requests: 40, failed: 12, unavailableMs: 900 };
    expect(readComparison([stack("monolith", { lastRedeploy: redeploy })])).toContain("Redeploying the monolith failed 12 of 40 shoppers' requests; the shop was unavailable for 0.9 s.");
    expect(readComparison([stack("microservices", { lastRedeploy: { ...redeploy, service: "payment-service", failed: 0, unavailableMs: 0 } })])).toContain("Redeploying payment-service (recreate) failed none of 40 shoppers' requests.");
    expect(readComparison([stack("microservices", { lastRedeploy: { ...redeploy, endedAt: null } })]).some((sentence) => /Redeploying/.test(sentence))).toBe(false);
  });

  it("names the features a failure broke and those that kept working", () => {
    const failure = { what: "payment-service was killed", service: "payment-service", at: 0, failedFeatures: [], workingFeatures: ["browse" as const, "order" as const], requests: 30, failed: 0 };
    expect(readComparison([stack("microservices", { lastFailure: failure })])).toContain("After payment-service was killed in the microservices, nothing failed; browse and order kept working.");
    const monolith = { ...failure, what: "monolith was killed", service: "monolith", failedFeatures: ["browse" as const, "order" as const], workingFeatures: [] };
    expect(readComparison([stack("monolith", { lastFailure: monolith })])).toContain("After the monolith was killed, browse and order failed.");
  });
});

describe("readComparison: the exact words and their edges", () => {
  it("says nothing runs when no stack does", () => {
    expect(readComparison([stack("microservices", { running: false }), stack("monolith", { running: false })])).toEqual(["Nothing runs yet: switch the architecture to Both to compare the two stacks."]);
  });

  it("says the microservices are down at the gateway, and adds no count when no shopper tried", () => {
    const idle = figures("microservices", { requests: 0, failed: 0, rps: 0, p50Ms: null, p95Ms: null });
    expect(readComparison([stack("microservices", { up: false, figures: idle })])[0]).toBe("The microservices are down: shoppers cannot reach the gateway.");
  });

  it("names a failing monolith in the singular, with one decimal under 10 % and none above", () => {
    const few = readComparison([stack("monolith", { figures: figures("monolith", { failed: 5, errorRate: 0.02 }) })]);
    expect(few[0]).toBe("The monolith fails 2.0% of shoppers' requests right now (5 of 250).");
    const many = readComparison([stack("monolith", { figures: figures("monolith", { failed: 50, errorRate: 0.2 }) })]);
    expect(many[0]).toBe("The monolith fails 20% of shoppers' requests right now (50 of 250).");
    // At exactly the threshold a stack is not yet said to fail, and its speed is still compared.
    const edge = readComparison([stack("microservices", { figures: figures("microservices", { p50Ms: 6, failed: 2, errorRate: 0.01 }) }), stack("monolith", { figures: figures("monolith", { p50Ms: 2 }) })]);
    expect(edge.some((sentence) => /fail/.test(sentence) && /right now/.test(sentence))).toBe(false);
    expect(edge.some((sentence) => sentence.startsWith("Under the same traffic the monolith answers"))).toBe(true);
  });

  it("says when both fail that neither is compared, and a failing monolith alone in the singular", () => {
    const both = readComparison([stack("microservices", { figures: figures("microservices", { failed: 20, errorRate: 0.08 }) }), stack("monolith", { figures: figures("monolith", { failed: 20, errorRate: 0.08 }) })]);
    expect(both).toContain("Latency is not compared while the microservices and the monolith fail requests: a failed request is not a fast answer.");
    const mono = readComparison([stack("microservices"), stack("monolith", { figures: figures("monolith", { failed: 20, errorRate: 0.08 }) })]);
    expect(mono).toContain("Latency is not compared while the monolith fails requests: a failed request is not a fast answer.");
  });

  it("gives no verdict on speed from too few successful answers, or from a stack with no median", () => {
    const few = readComparison([stack("microservices", { figures: figures("microservices", { requests: 4, failed: 0 }) }), stack("monolith", { figures: figures("monolith", { p50Ms: 1 }) })]);
    expect(few.some((sentence) => /faster|same time/.test(sentence))).toBe(false);
    const exactlyEnough = readComparison([stack("microservices", { figures: figures("microservices", { requests: 5, failed: 0, p50Ms: 6 }) }), stack("monolith", { figures: figures("monolith", { p50Ms: 1 }) })]);
    expect(exactlyEnough.some((sentence) => /faster/.test(sentence))).toBe(true);
    const noMedian = readComparison([stack("microservices", { figures: figures("microservices", { p50Ms: null }) }), stack("monolith", { figures: figures("monolith", { p50Ms: 1 }) })]);
    expect(noMedian.some((sentence) => /faster|same time/.test(sentence))).toBe(false);
    const noP95 = readComparison([stack("microservices", { figures: figures("microservices", { p95Ms: null }) }), stack("monolith", { figures: figures("monolith", { p50Ms: 1 }) })]);
    expect(noP95.some((sentence) => /faster|same time/.test(sentence))).toBe(false);
  });

  it("calls medians within 15 % about the same, and writes 10 ms without a decimal", () => {
    const close = readComparison([stack("microservices", { figures: figures("microservices", { p50Ms: 11 }) }), stack("monolith", { figures: figures("monolith", { p50Ms: 10 }) })]);
    expect(close).toContain("Under the same traffic both answer shoppers in about the same time at the median (10 ms and 11 ms).");
  });

  it("leaves a stack with one busy service and no traffic on the other without a speed verdict", () => {
    const idle = figures("monolith", { requests: 0, failed: 0, rps: 0, p50Ms: null, p95Ms: null });
    const reading = readComparison([stack("microservices"), stack("monolith", { figures: idle })]);
    expect(reading.some((sentence) => /faster|same time|No shopper traffic/.test(sentence))).toBe(false);
  });

  it("says nothing of scaling for a scaled service with no live process, nor of slowdowns in a stack that is down", () => {
    const reading = readComparison([
      stack("microservices", { scaled: [{ service: "product-service", replicas: 3, processes: 0, rssBytes: 0, perCopyBytes: 0 }] }),
      stack("monolith", { up: false, slowed: { what: "a cpu-hog fault on payment-service", since: 0, features: [{ feature: "browse", beforeP95Ms: 10, nowP95Ms: 100 }] } }),
    ]);
    expect(reading.some((sentence) => /instances|slowed/.test(sentence))).toBe(false);
  });

  it("names the worst-slowed feature by how many times slower, not by its milliseconds", () => {
    const slowed = { what: "a latency fault on product-service", since: 0, features: [{ feature: "order" as const, beforeP95Ms: 100, nowP95Ms: 300 }, { feature: "browse" as const, beforeP95Ms: 10, nowP95Ms: 90 }] };
    expect(readComparison([stack("microservices", { slowed })])).toContain("Since a latency fault on product-service, order and browse slowed in the microservices (browse: p95 10 ms before, 90 ms now).");
  });

  it("reads redeploys and failures of a stack that is no longer running, and skips a failure no shopper met", () => {
    const redeploy = { service: "monolith", strategy: "recreate" as const, startedAt: 0, endedAt: 900, requests: 0, failed: 0, unavailableMs: 0 };
    const failure = { what: "monolith was killed", service: "monolith", at: 0, failedFeatures: [], workingFeatures: [], requests: 0, failed: 0 };
    const reading = readComparison([stack("microservices"), stack("monolith", { running: false, lastRedeploy: redeploy, lastFailure: failure })]);
    expect(reading).toContain("Redeploying the monolith happened with no traffic to measure it: start traffic and redeploy again.");
    expect(reading.some((sentence) => sentence.startsWith("After monolith was killed"))).toBe(false);
  });

  it("says exactly what the figures show and nothing more", () => {
    expect(readComparison([stack("microservices"), stack("monolith")])).toEqual([
      "Under the same traffic both answer shoppers in about the same time at the median (4.0 ms and 4.0 ms).",
      "The microservices run 8 processes in 500 MB; the monolith runs 1 in 90 MB.",
    ]);
    const idle = (id: Id) => stack(id, { figures: figures(id, { requests: 0, failed: 0, rps: 0, p50Ms: null, p95Ms: null }) });
    expect(readComparison([idle("microservices"), idle("monolith")])).toEqual([
      "No shopper traffic in the last seconds: start the traffic generator to measure latency and errors.",
      "The microservices run 8 processes in 500 MB; the monolith runs 1 in 90 MB.",
    ]);
  });
});

