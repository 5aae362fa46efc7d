// When "my orders" must be asked again: a queue job about one of my pending orders finished.
import { describe, expect, it } from "vitest";
import { touchesOrders } from "./order-watch";
import { http, queue } from "./testing/test-events";

const ORDER = "o-12345678-1234-1234-1234-123456789abc";

describe("touchesOrders", () => {
  it("is true when a job about a pending order completes or fails", () => {
    const done = queue({ queue: "order-inbox", state: "completed", service: "order-service", jobId: `PaymentSucceeded-${ORDER}` });
    expect(touchesOrders([done], new Set([ORDER]))).toBe(true);
    expect(touchesOrders([{ ...done, state: "failed" }], new Set([ORDER]))).toBe(true);
  });

  it("is false for other orders, for jobs just added, for calls, and when nothing is pending", () => {
    const added = queue({ queue: "order-inbox", state: "added", service: "payment-service", jobId: `PaymentSucceeded-${ORDER}` });
    expect(touchesOrders([added, http({ from: "client", to: "api-gateway" })], new Set([ORDER]))).toBe(false);
    expect(touchesOrders([{ ...added, state: "completed" }], new Set(["o-other"]))).toBe(false);
    expect(touchesOrders([{ ...added, state: "completed" }], new Set())).toBe(false);
  });
});
