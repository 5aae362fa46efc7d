// The shopper-side and data checks, each against recorded figures where the goal happened and where it nearly did.
import { describe, expect, it } from "vitest";
import type { PredicateSpec } from "../contract/lessons";
import { IncidentTracker } from "../sandbox/metrics/incident-tracker";
import { input, noTraffic, T0 } from "./testing/check-fixtures";
import { evaluate } from "./predicates";

/** A redeploy as the incident tracker records it from the shoppers' requests: `statuses` one every 50 ms during it. */
function recordedRedeploy(strategy: "rolling" | "recreate", statuses: number[], service = "product-service") {
  const tracker = new IncidentTracker();
  tracker.redeployStarted("microservices", service, strategy, T0 + 1_000);
  statuses.forEach((status, index) => tracker.shopperRequest("microservices", "GET", "/api/products", status, T0 + 1_000 + index * 50));
  tracker.redeployEnded("microservices", T0 + 1_000 + statuses.length * 50);
  return { redeploys: { microservices: tracker.lastRedeploy("microservices") }, now: T0 + 10_000 };
}

describe("redeployed", () => {
  const spec = { is: "redeployed", stack: "microservices", service: "product-service", strategy: "rolling", minServed: 20, maxFailed: 0 } as const;
  it("passes for a rolling redeploy with 0 failed requests while 20 were served", () => {
    const result = evaluate(spec, input(recordedRedeploy("rolling", Array(20).fill(200))));
    expect(result).toMatchObject({ met: true, figures: { served: 20, failed: 0 } });
  });
  it("does not pass for a rolling redeploy with one failed request", () => {
    const statuses = [...Array(19).fill(200), 502];
    expect(evaluate(spec, input(recordedRedeploy("rolling", statuses)))).toMatchObject({ met: false, missing: "1 of 20 shoppers' requests failed during it", contradicts: "1 of 20 shoppers' requests failed during it" });
  });
  it("does not pass when too few shoppers were served during it", () => {
    expect(evaluate(spec, input(recordedRedeploy("rolling", Array(5).fill(200)))).missing).toMatch(/^only 5 of 20/);
  });
  it("does not pass for a recreate redeploy, nor for another service", () => {
    expect(evaluate(spec, input(recordedRedeploy("recreate", Array(30).fill(200)))).met).toBe(false);
    expect(evaluate(spec, input(recordedRedeploy("rolling", Array(30).fill(200), "order-service"))).met).toBe(false);
  });
  it("does not pass for a redeploy from before the window", () => {
    expect(evaluate(spec, input({ ...recordedRedeploy("rolling", Array(30).fill(200)), since: T0 + 5_000 })).met).toBe(false);
  });
  it("waits for the tail after the redeploy before it passes", () => {
    const recorded = recordedRedeploy("rolling", Array(30).fill(200));
    expect(evaluate(spec, input({ ...recorded, now: T0 + 1_000 + 30 * 50 + 10 })).missing).toMatch(/^redeploy under way/);
  });
});

describe("redeployed with an outage to show", () => {
  const spec = { is: "redeployed", stack: "microservices", service: "product-service", strategy: "recreate", minServed: 10, minFailed: 1, minUnavailableMs: 100 } as const;
  it("passes for a recreate whose shoppers met a stretch of failures", () => {
    const statuses = [...Array(10).fill(200), ...Array(6).fill(0), ...Array(10).fill(200)];
    expect(evaluate(spec, input(recordedRedeploy("recreate", statuses)))).toMatchObject({ met: true, figures: { failed: 6, unavailableMs: 300 } });
  });
  it("does not pass, and says the run contradicts it, when nothing failed", () => {
    expect(evaluate(spec, input(recordedRedeploy("recreate", Array(30).fill(200))))).toMatchObject({ met: false, contradicts: "only 0 of 30 shoppers' requests failed during it" });
  });
  it("does not pass when the failures were too short to be an outage", () => {
    const statuses = [...Array(10).fill(200), 0, 200, 0, ...Array(10).fill(200)];
    expect(evaluate(spec, input(recordedRedeploy("recreate", statuses))).contradicts).toBe("the shop was unavailable for 50 ms, no outage worth the name");
  });
  it("a rolling redeploy that must leave no outage: a stray failure passes, a stretch of failures does not", () => {
    const rolling = { is: "redeployed", stack: "microservices", service: "product-service", strategy: "rolling", minServed: 10, maxUnavailableMs: 250 } as const;
    expect(evaluate(rolling, input(recordedRedeploy("rolling", [...Array(10).fill(200), 0, ...Array(10).fill(200)]))).met).toBe(true);
    expect(evaluate(rolling, input(recordedRedeploy("rolling", [...Array(10).fill(200), ...Array(8).fill(0), ...Array(10).fill(200)]))).contradicts).toBe("the shop was unavailable for 400 ms");
  });
  it("says a rolling redeploy contradicts a step that asks for a recreate", () => {
    expect(evaluate(spec, input(recordedRedeploy("rolling", Array(30).fill(200)))).contradicts).toBe("that was a rolling redeploy; this step asks for recreate");
  });
});

describe("blastRadius", () => {
  const spec: PredicateSpec = { is: "blastRadius", stack: "microservices", service: "product-service", failed: ["browse"], workingAny: ["notifications", "my orders"] };
  function failure(requests: Array<[method: string, path: string, status: number]>, service = "product-service") {
    const tracker = new IncidentTracker();
    tracker.failed("microservices", service, `${service} was killed`, T0 + 100);
    requests.forEach(([method, path, status], index) => tracker.shopperRequest("microservices", method, path, status, T0 + 200 + index));
    return { failures: { microservices: tracker.lastFailure("microservices") } };
  }
  it("passes when browsing failed and notifications kept working", () => {
    const result = evaluate(spec, input(failure([["GET", "/api/products", 503], ["GET", "/api/notifications", 200]])));
    expect(result).toMatchObject({ met: true, figures: { "microservices.failedFeatures": "browse", "microservices.workingFeatures": "notifications" } });
  });
  it("does not pass when no shopper has seen browsing fail yet", () => {
    expect(evaluate(spec, input(failure([["GET", "/api/products", 200], ["GET", "/api/notifications", 200]]))).missing).toBe("no shopper has seen browse fail yet (is traffic running?)");
  });
  it("does not pass when nothing kept working", () => {
    expect(evaluate(spec, input(failure([["GET", "/api/products", 503], ["GET", "/api/notifications", 503]]))).met).toBe(false);
  });
  it("does not pass for the failure of another service", () => {
    expect(evaluate(spec, input(failure([["GET", "/api/products", 503], ["GET", "/api/notifications", 200]], "payment-service"))).met).toBe(false);
  });
  it("says the run contradicts the claim when enough shoppers saw browse keep working, or everything fail", () => {
    const kept = failure(Array.from({ length: 40 }, () => ["GET", "/api/products", 200] as [string, string, number]));
    expect(evaluate(spec, input(kept)).contradicts).toBe("browse kept working for 40 shoppers' requests");
    const everything = failure([...Array.from({ length: 20 }, () => ["GET", "/api/products", 503] as [string, string, number]), ...Array.from({ length: 10 }, () => ["GET", "/api/notifications", 503] as [string, string, number]), ...Array.from({ length: 10 }, () => ["GET", "/api/orders/o1", 503] as [string, string, number])]);
    expect(evaluate(spec, input(everything)).contradicts).toBe("notifications and my orders failed too, and nothing else kept working");
    expect(evaluate(spec, input(failure(Array.from({ length: 39 }, () => ["GET", "/api/products", 200] as [string, string, number])))).contradicts).toBeUndefined();
  });
});

describe("trafficServed", () => {
  const spec = { is: "trafficServed", stack: "monolith", atLeast: 100 } as const;
  const traffic = (startedAt: number, ok: number) => ({ ...noTraffic, running: true, rps: 20, startedAt, stacks: [{ stack: "monolith" as const, sent: ok, ok, failed: 0, refused: 0, ordersAccepted: 0, skipped: 0, p50Ms: 3.21, p95Ms: 9 }] });
  it("passes when a run started in the step served 100 requests, with its latency", () => {
    expect(evaluate(spec, input({ traffic: traffic(T0 + 1, 100) }))).toMatchObject({ met: true, figures: { "monolith.served": 100, "monolith.p50Ms": 3.2 } });
  });
  it("does not pass at 99, nor for a run started before the step", () => {
    expect(evaluate(spec, input({ traffic: traffic(T0 + 1, 99) })).missing).toBe("99 of 100 requests served");
    expect(evaluate(spec, input({ traffic: traffic(T0 - 1, 500) })).met).toBe(false);
  });
});

describe("ordersSettled", () => {
  const spec = { is: "ordersSettled", stack: "microservices", atLeast: 3 } as const;
  const audit = (change: object) => [{ stack: "microservices" as const, orders: 3, pending: 0, paid: 3, paymentFailed: 0, chargedTwice: 0, stockMismatches: 0, problems: [], ...change }];
  it("passes when every order is paid or failed and none twice", () => {
    expect(evaluate(spec, input({ audit: audit({}) })).met).toBe(true);
  });
  it("does not pass with one order still pending, or one charged twice", () => {
    expect(evaluate(spec, input({ audit: audit({ pending: 1, paid: 2 }) })).missing).toBe("1 of 3 orders still pending");
    expect(evaluate(spec, input({ audit: audit({ chargedTwice: 1 }) })).missing).toBe("1 orders charged twice");
  });
  it("does not pass before the audit was read, nor with fewer orders than asked", () => {
    expect(evaluate(spec, input()).met).toBe(false);
    expect(evaluate(spec, input({ audit: audit({ orders: 2, paid: 2 }) })).met).toBe(false);
  });
});
