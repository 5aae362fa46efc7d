// The incident tracker measures a redeploy's failed requests and downtime, and a failure's blast radius, from shopper requests.
import { describe, expect, it } from "vitest";
import { FAILURE_WINDOW_MS, IncidentTracker, REDEPLOY_TAIL_MS } from "./incident-tracker";
import { featureOf } from "../traffic/shopper-features";

describe("featureOf", () => {
  it("names storefront requests in a shopper's words and ignores the rest", () => {
    expect(featureOf("GET", "/api/products/p-mouse")).toBe("browse");
    expect(featureOf("POST", "/api/orders")).toBe("order");
    expect(featureOf("GET", "/api/orders/o-1?x=1")).toBe("my orders");
    expect(featureOf("GET", "/health")).toBeUndefined();
  });
});

describe("IncidentTracker", () => {
  it("counts the requests a redeploy failed and the longest stretch with no success", () => {
    const tracker = new IncidentTracker();
    tracker.redeployStarted("monolith", "monolith", "recreate", 1_000);
    tracker.shopperRequest("monolith", "GET", "/api/products", 200, 1_010);
    tracker.shopperRequest("monolith", "GET", "/api/products", 503, 1_100);
    tracker.shopperRequest("monolith", "GET", "/api/products", 503, 1_500);
    tracker.shopperRequest("monolith", "GET", "/api/products", 200, 1_900);
    tracker.redeployEnded("monolith", 2_000);
    tracker.shopperRequest("monolith", "GET", "/api/products", 200, 2_000 + REDEPLOY_TAIL_MS + 1); // after the tail: not counted
    expect(tracker.lastRedeploy("monolith")).toMatchObject({ requests: 4, failed: 2, unavailableMs: 800, endedAt: 2_000 });
    expect(tracker.lastRedeploy("microservices")).toBeNull();
  });

  it("names the features that failed after a failure and those that kept working", () => {
    const tracker = new IncidentTracker();
    tracker.failed("microservices", "product-service", "product-service was killed", 0);
    tracker.shopperRequest("microservices", "GET", "/api/products", 503, 10);
    tracker.shopperRequest("microservices", "GET", "/api/notifications", 200, 20);
    tracker.shopperRequest("microservices", "POST", "/api/orders", 503, 30);
    expect(tracker.lastFailure("microservices")).toMatchObject({ failedFeatures: ["browse", "order"], workingFeatures: ["notifications"], requests: 3, failed: 2 });
  });

  it("starts a new experiment: drops finished redeploys and old failures, keeps what is under way or just happened", () => {
    const tracker = new IncidentTracker();
    tracker.redeployStarted("monolith", "monolith", "recreate", 1_000);
    tracker.redeployEnded("monolith", 2_000);
    tracker.redeployStarted("microservices", "payment-service", "rolling", 3_000);
    tracker.failed("monolith", "monolith", "monolith was killed", 1_000);
    tracker.failed("microservices", "product-service", "product-service was killed", 1_000 + FAILURE_WINDOW_MS);
    tracker.newExperiment(1_000 + FAILURE_WINDOW_MS + 5);
    expect(tracker.since).toBe(1_000 + FAILURE_WINDOW_MS + 5);
    expect(tracker.lastRedeploy("monolith")).toBeNull();
    expect(tracker.lastRedeploy("microservices")).toMatchObject({ service: "payment-service", endedAt: null });
    expect(tracker.lastFailure("monolith")).toBeNull();
    expect(tracker.lastFailure("microservices")).toMatchObject({ what: "product-service was killed" });
  });

  it("counts requests exactly at a redeploy's start and at the end of its tail, and keeps the longest outage", () => {
    const tracker = new IncidentTracker();
    tracker.redeployStarted("monolith", "monolith", "recreate", 1_000);
    tracker.shopperRequest("monolith", "GET", "/api/products", 503, 1_000);
    tracker.shopperRequest("monolith", "GET", "/api/products", 503, 1_600);
    tracker.shopperRequest("monolith", "GET", "/api/products", 200, 1_700);
    tracker.shopperRequest("monolith", "GET", "/api/products", 503, 1_800);
    tracker.shopperRequest("monolith", "GET", "/api/products", 200, 1_850);
    tracker.redeployEnded("monolith", 2_000);
    tracker.redeployEnded("monolith", 3_000); // a second end changes nothing
    tracker.shopperRequest("monolith", "GET", "/api/products", 200, 2_000 + REDEPLOY_TAIL_MS);
    tracker.shopperRequest("microservices", "GET", "/api/products", 503, 1_500);
    expect(tracker.lastRedeploy("monolith")).toMatchObject({ requests: 6, failed: 3, unavailableMs: 700, endedAt: 2_000 });
  });

  it("counts a failure's requests from its very moment to the end of its window, and no later", () => {
    const tracker = new IncidentTracker();
    tracker.failed("microservices", "product-service", "product-service was killed", 1_000);
    tracker.shopperRequest("microservices", "GET", "/api/products", 503, 999);
    tracker.shopperRequest("microservices", "GET", "/api/products", 503, 1_000);
    tracker.shopperRequest("microservices", "GET", "/api/notifications", 200, 1_000 + FAILURE_WINDOW_MS);
    tracker.shopperRequest("microservices", "GET", "/api/notifications", 503, 1_001 + FAILURE_WINDOW_MS);
    tracker.shopperRequest("microservices", "GET", "/health", 503, 1_500);
    expect(tracker.lastFailure("microservices")).toMatchObject({ failedFeatures: ["browse"], workingFeatures: ["notifications"], requests: 2, failed: 1 });
  });

  it("puts a feature with some failed requests among the failed, never among those that kept working", () => {
    const tracker = new IncidentTracker();
    tracker.failed("monolith", "monolith", "monolith was killed", 0);
    tracker.shopperRequest("monolith", "GET", "/api/products", 200, 10);
    tracker.shopperRequest("monolith", "GET", "/api/products", 503, 20);
    expect(tracker.lastFailure("monolith")).toMatchObject({ failedFeatures: ["browse"], workingFeatures: [] });
  });

  it("keeps, at a new experiment, a failure exactly one window old, and forgets everything at a clear", () => {
    const tracker = new IncidentTracker();
    tracker.failed("monolith", "monolith", "monolith was killed", 1_000);
    tracker.newExperiment(1_000 + FAILURE_WINDOW_MS);
    expect(tracker.lastFailure("monolith")).not.toBeNull();
    tracker.redeployStarted("monolith", "monolith", "recreate", 2_000);
    tracker.clear();
    expect(tracker.lastFailure("monolith")).toBeNull();
    expect(tracker.lastRedeploy("monolith")).toBeNull();
    expect(tracker.since).not.toBeNull();
  });
});

