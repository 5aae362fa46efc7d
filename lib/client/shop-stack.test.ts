// Which shop the shopper panel talks to, and how it follows a request's trace from the answer's header.
import { describe, expect, it } from "vitest";
import { effectiveShopStack } from "./shop-stack";
import { STOREFRONT_ROUTES, storefrontPath } from "../contract/storefront-paths";
import { storefrontBase, traceIdOfTraceparent } from "./storefront";

describe("effectiveShopStack", () => {
  it("uses the person's choice when both stacks run, and the only running stack otherwise", () => {
    expect(effectiveShopStack("monolith", "both")).toBe("monolith");
    expect(effectiveShopStack("microservices", "both")).toBe("microservices");
    expect(effectiveShopStack("monolith", "microservices")).toBe("microservices");
    expect(effectiveShopStack("microservices", "monolith")).toBe("monolith");
    expect(effectiveShopStack("monolith", null)).toBe("monolith");
  });

  it("sends the calls to that stack's storefront", () => {
    expect(storefrontBase("monolith")).toBe("/storefront/monolith");
    expect(storefrontBase("microservices")).toBe("/storefront/microservices");
    expect(`${storefrontBase("monolith")}${storefrontPath(STOREFRONT_ROUTES.placeOrder)}`).toBe("/storefront/monolith/api/orders");
  });
});

describe("traceIdOfTraceparent", () => {
  it("reads the trace id from a W3C traceparent, and nothing from a missing or malformed one", () => {
    expect(traceIdOfTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(traceIdOfTraceparent(null)).toBeNull();
    expect(traceIdOfTraceparent("garbage")).toBeNull();
  });
});
