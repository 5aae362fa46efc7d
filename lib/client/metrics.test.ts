// The live figures on the boxes and arrows: rate, latency percentiles and error rate over a sliding window.
import { describe, expect, it } from "vitest";
import { METRICS_WINDOW_MS, MONOLITH_FIGURES, formatMs, formatRate, percentile, recordSamples, serverNodeOf, summarize } from "./metrics";
import { http, queue } from "./testing/test-events";

const now = 100_000;

describe("percentile", () => {
  it("takes the nearest rank, and 0 for no values", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe("summarize", () => {
  it("gives each answering service its calls per second, p50/p95 latency and share of failures", () => {
    const events = [
      ...Array.from({ length: 18 }, (_, i) => http({ from: "api-gateway", to: "product-service", ts: now - i * 100, durationMs: i + 1 })),
      http({ from: "api-gateway", to: "product-service", ts: now - 50, status: 503, durationMs: 100 }),
      http({ from: "api-gateway", to: "product-service", ts: now - 60, status: 0, durationMs: 200 }),
    ];
    const summary = summarize(recordSamples([], events, now), now);
    const product = summary.nodes["product-service"];
    expect(product.calls).toBe(20);
    expect(product.rps).toBeCloseTo(20 / (METRICS_WINDOW_MS / 1000));
    expect(product.errorRate).toBeCloseTo(0.1);
    expect(product.p50).toBe(10);
    expect(product.p95).toBe(100);
    expect(summary.nodes["api-gateway"]).toBeUndefined();
  });

  it("counts a 4xx as answered, not as an error: the shop said no on purpose", () => {
    const summary = summarize(recordSamples([], [http({ from: "client", to: "api-gateway", ts: now, status: 409 })], now), now);
    expect(summary.nodes["api-gateway"].errorRate).toBe(0);
  });

  it("gives each arrow its events per second, queue paths included", () => {
    const events = [
      http({ from: "client", to: "api-gateway", ts: now - 1 }),
      http({ from: "client", to: "api-gateway", ts: now - 2 }),
      queue({ queue: "payment-inbox", state: "added", service: "order-service", ts: now - 3 }),
      queue({ queue: "payment-inbox", state: "completed", service: "payment-service", ts: now - 3 }),
    ];
    const { edges } = summarize(recordSamples([], events, now), now);
    expect(edges["rest:client->api-gateway"]).toBeCloseTo(0.2);
    expect(edges["publish:order-service->payment-inbox"]).toBeCloseTo(0.1);
    expect(Object.keys(edges)).toHaveLength(2);
  });
});

describe("recordSamples", () => {
  it("forgets calls older than the window, so a service that stops answering drops to zero", () => {
    const old = recordSamples([], [http({ from: "client", to: "api-gateway", ts: now - METRICS_WINDOW_MS - 1 })], now - 5_000);
    expect(old).toHaveLength(1);
    expect(recordSamples(old, [], now)).toHaveLength(0);
    expect(summarize(recordSamples(old, [], now), now).nodes).toEqual({});
  });
});

describe("formatting", () => {
  it("keeps badges short", () => {
    expect(formatRate(0.4)).toBe("0.4/s");
    expect(formatRate(212.3)).toBe("212/s");
    expect(formatMs(3.21)).toBe("3.2 ms");
    expect(formatMs(86.4)).toBe("86 ms");
    expect(formatMs(1500)).toBe("1.5 s");
  });
});

describe("the monolith's figures", () => {
  it("count a module's calls for that module's box, and a shopper's call into the monolith for its gateway module", () => {
    expect(serverNodeOf(http({ from: "order-service", to: "product-service", stack: "monolith", via: "in-process" }))).toBe("monolith/product-service");
    expect(serverNodeOf(http({ from: "client", to: "monolith", stack: "monolith" }))).toBe(MONOLITH_FIGURES);
    expect(serverNodeOf(http({ from: "client", to: "api-gateway" }))).toBe("api-gateway");
  });
});
