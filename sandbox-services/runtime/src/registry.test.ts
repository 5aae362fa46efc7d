// Which instance of a service a call goes to: turns between replicas, and nothing when none is healthy.
import { describe, expect, it } from "vitest";
import { resolve, setRegistry } from "./registry";

describe("resolve", () => {
  it("takes turns between the replicas of a service", () => {
    setRegistry({ "product-service": ["http://127.0.0.1:4001", "http://127.0.0.1:4002", "http://127.0.0.1:4003"] });
    const picks = Array.from({ length: 6 }, () => resolve("product-service"));
    expect(picks).toEqual([
      "http://127.0.0.1:4001",
      "http://127.0.0.1:4002",
      "http://127.0.0.1:4003",
      "http://127.0.0.1:4001",
      "http://127.0.0.1:4002",
      "http://127.0.0.1:4003",
    ]);
  });

  it("keeps sending to the one instance of a service with a single replica", () => {
    setRegistry({ "user-service": ["http://127.0.0.1:4100"] });
    expect([resolve("user-service"), resolve("user-service")]).toEqual(["http://127.0.0.1:4100", "http://127.0.0.1:4100"]);
  });

  it("gives undefined for a service with no healthy instance", () => {
    setRegistry({ "payment-service": [] });
    expect(resolve("payment-service")).toBeUndefined();
    expect(resolve("auth-service")).toBeUndefined();
  });

  it("follows the newest registry the supervisor sent", () => {
    setRegistry({ "order-service": ["http://127.0.0.1:4200"] });
    expect(resolve("order-service")).toBe("http://127.0.0.1:4200");
    setRegistry({ "order-service": ["http://127.0.0.1:4300"] });
    expect(resolve("order-service")).toBe("http://127.0.0.1:4300");
    setRegistry({});
    expect(resolve("order-service")).toBeUndefined();
  });
});
