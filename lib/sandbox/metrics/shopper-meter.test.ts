// The shoppers' figures count a failure as a failure, never as a fast answer, and tell which features a fault slowed.
import { describe, expect, it } from "vitest";
import { SHOPPER_WINDOW_MS, ShopperMeter } from "./shopper-meter";

const T0 = 1_700_000_000_000;

function feed(meter: ShopperMeter, count: number, { path = "/api/products", method = "GET", status = 200, ms = 10, from = T0, stack = "monolith" as const } = {}) {
  for (let index = 0; index < count; index++) meter.answered(stack, method, path, status, status === 0 ? null : ms, from + index * 10);
}

describe("ShopperMeter", () => {
  it("keeps failed answers out of the latency and in the error rate", () => {
    const meter = new ShopperMeter();
    feed(meter, 50, { ms: 40 });
    feed(meter, 50, { status: 503, ms: 0.3, from: T0 + 500 });
    const figures = meter.figures("monolith", T0 + 1_000);
    expect(figures.requests).toBe(100);
    expect(figures.failed).toBe(50);
    expect(figures.errorRate).toBe(0.5);
    expect(figures.p50Ms).toBe(40);
    expect(figures.p95Ms).toBe(40);
  });

  it("gives throughput as what was answered without failing, beside what was sent", () => {
    const meter = new ShopperMeter();
    feed(meter, 50, { ms: 40 });
    feed(meter, 200, { status: 0, from: T0 + 500 });
    const figures = meter.figures("monolith", T0 + 4_000);
    expect(figures.rps).toBe(250 / (SHOPPER_WINDOW_MS / 1_000));
    expect(figures.answeredRps).toBe(50 / (SHOPPER_WINDOW_MS / 1_000));
  });

  it("has no latency at all when every request failed, and counts requests that could not be sent", () => {
    const meter = new ShopperMeter();
    feed(meter, 20, { status: 0 });
    const figures = meter.figures("monolith", T0 + 500);
    expect(figures).toMatchObject({ requests: 20, failed: 20, errorRate: 1, p50Ms: null, p95Ms: null });
  });

  it("counts a 4xx as the shop working (a refused login is an answer)", () => {
    const meter = new ShopperMeter();
    feed(meter, 10, { status: 401, method: "POST", path: "/api/auth/login", ms: 5 });
    expect(meter.figures("monolith", T0 + 500)).toMatchObject({ failed: 0, p50Ms: 5 });
  });

  it("splits the figures per feature, per stack", () => {
    const meter = new ShopperMeter();
    feed(meter, 10, { ms: 3 });
    feed(meter, 10, { path: "/api/orders", method: "POST", status: 202, ms: 30 });
    feed(meter, 4, { stack: "microservices" as never, ms: 8 });
    const features = meter.figures("monolith", T0 + 500).features;
    expect(features.find((feature) => feature.feature === "browse")).toMatchObject({ requests: 10, p50Ms: 3 });
    expect(features.find((feature) => feature.feature === "order")).toMatchObject({ requests: 10, p50Ms: 30 });
    expect(meter.figures("microservices", T0 + 500).requests).toBe(4);
  });

  it("forgets what is older than its window", () => {
    const meter = new ShopperMeter();
    feed(meter, 10);
    expect(meter.figures("monolith", T0 + SHOPPER_WINDOW_MS + 2_000).requests).toBe(0);
  });

  it("tells which features slowed against the baseline, and not those that nearly did", () => {
    const meter = new ShopperMeter();
    feed(meter, 20, { ms: 10 });
    feed(meter, 20, { path: "/api/orders/o1", ms: 10 });
    meter.markBaseline("monolith", "a cpu-hog fault on payment-service", T0 + 400);
    const later = T0 + SHOPPER_WINDOW_MS + 1_000;
    // browse: 10 → 100 ms (slowed); my orders: 10 → 19 ms (under twice: not slowed).
    feed(meter, 20, { ms: 100, from: later });
    feed(meter, 20, { path: "/api/orders/o1", ms: 19, from: later });
    const slowed = meter.slowed("monolith", later + 400);
    expect(slowed).toEqual([{ feature: "browse", beforeP95Ms: 10, nowP95Ms: 100 }]);
    expect(meter.baseline("monolith")?.what).toBe("a cpu-hog fault on payment-service");
    meter.clearBaselines();
    expect(meter.slowed("monolith", later + 400)).toEqual([]);
  });
});
