// The storefront's table of routes: the paths the shop has always served, and concrete paths built from it with each
// param encoded and none left out. (That the gateway serves exactly this table: sandbox-services/api-gateway.)
import { describe, expect, it } from "vitest";
import { STOREFRONT_ROUTES, storefrontCall, storefrontPath, storefrontRouteKey } from "./storefront-paths";

describe("the storefront's routes", () => {
  it("are the nine routes shoppers and docs call, keyed as the gateway's router matches them", () => {
    expect(Object.values(STOREFRONT_ROUTES).map(storefrontRouteKey)).toEqual([
      "POST /api/auth/register",
      "POST /api/auth/login",
      "GET /api/products",
      "GET /api/products/:id",
      "POST /api/orders",
      "GET /api/orders",
      "GET /api/orders/:id",
      "GET /api/users/me",
      "GET /api/notifications",
    ]);
  });
});

describe("storefrontPath", () => {
  it("gives a route without params its own path", () => {
    expect(storefrontPath(STOREFRONT_ROUTES.placeOrder)).toBe("/api/orders");
    expect(storefrontCall(STOREFRONT_ROUTES.login)).toEqual({ method: "POST", path: "/api/auth/login" });
  });

  it("fills in a param, encoded so it stays one segment", () => {
    expect(storefrontPath(STOREFRONT_ROUTES.product, { id: "p-mouse" })).toBe("/api/products/p-mouse");
    expect(storefrontPath(STOREFRONT_ROUTES.order, { id: "o/1 ?#é" })).toBe("/api/orders/o%2F1%20%3F%23%C3%A9");
    expect(storefrontCall(STOREFRONT_ROUTES.order, { id: "../products" })).toEqual({ method: "GET", path: "/api/orders/..%2Fproducts" });
  });

  it("refuses a route whose param was left out, rather than send its pattern", () => {
    // @ts-expect-error the type refuses it too: /api/products/:id needs its id
    expect(() => storefrontPath(STOREFRONT_ROUTES.product)).toThrow("GET /api/products/:id needs its id");
    // @ts-expect-error a params object without the route's own param
    expect(() => storefrontPath(STOREFRONT_ROUTES.order, { orderId: "o-1" })).toThrow("GET /api/orders/:id needs its id");
  });
});
