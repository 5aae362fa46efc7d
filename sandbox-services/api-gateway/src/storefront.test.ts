// The gateway serves exactly the contract's storefront routes, and each concrete path a shopper builds from the table
// reaches the handler meant for it, with its params decoded.
import { describe, expect, it } from "vitest";
import type { Order } from "../../../lib/contract/storefront";
import { STOREFRONT_ROUTES, storefrontCall, storefrontRouteKey, type StorefrontRouteName } from "../../../lib/contract/storefront-paths";
import { compileRoutes } from "../../runtime/src/router";
import { storefrontRoutes, type ShopBackends } from "./storefront";

const TOKEN = "valid-token";

/** A shop whose every answer says which backend call made it and with what. */
function recordingShop(): ShopBackends {
  const order = (id: string, userId: string): Order => ({ id, userId, status: "pending", items: [], totalCents: 0, createdAt: 0, history: [] });
  return {
    auth: {
      register: async (body) => ({ id: "u-1", email: body.email, name: body.name }),
      login: async () => "a token",
      verify: async (token) => {
        if (token !== TOKEN) throw new Error("not signed in");
        return "u-1";
      },
    },
    users: { get: async (id) => ({ id, email: "ada@example.com", name: "Ada" }) },
    products: { list: async () => [], get: async (id) => ({ id, name: "asked", priceCents: 1, stock: 1 }) },
    orders: { place: async (userId) => order("o-new", userId), get: async (userId, orderId) => order(orderId, userId), listFor: async () => [] },
    notifications: { listFor: async () => [] },
  };
}

const routes = storefrontRoutes(recordingShop());
const match = compileRoutes(routes);

/** Calls the gateway as a shopper would: the route's concrete path, found by the router, answered by its handler. */
async function answer(call: { method: string; path: string }, body?: unknown) {
  const found = match(call.method, call.path);
  if (!found) return undefined;
  return found.handler({ method: call.method, path: call.path, params: found.params, query: new URLSearchParams(), headers: { authorization: `Bearer ${TOKEN}` }, body });
}

describe("the gateway's storefront routes", () => {
  it("are exactly the contract's table, one key per named route", () => {
    expect(Object.keys(routes).sort()).toEqual(Object.values(STOREFRONT_ROUTES).map(storefrontRouteKey).sort());
  });

  it("answer each route's concrete path with the handler named for it", async () => {
    const expected: Record<StorefrontRouteName, [call: { method: string; path: string }, status: number, bodyKey: string, body?: unknown]> = {
      register: [storefrontCall(STOREFRONT_ROUTES.register), 201, "user", { email: "ada@example.com", password: "long enough", name: "Ada" }],
      login: [storefrontCall(STOREFRONT_ROUTES.login), 200, "token", { email: "ada@example.com", password: "long enough" }],
      products: [storefrontCall(STOREFRONT_ROUTES.products), 200, "products"],
      product: [storefrontCall(STOREFRONT_ROUTES.product, { id: "p-mouse" }), 200, "product"],
      placeOrder: [storefrontCall(STOREFRONT_ROUTES.placeOrder), 202, "order", { items: [{ productId: "p-mouse", quantity: 1 }] }],
      myOrders: [storefrontCall(STOREFRONT_ROUTES.myOrders), 200, "orders"],
      order: [storefrontCall(STOREFRONT_ROUTES.order, { id: "o-1" }), 200, "order"],
      me: [storefrontCall(STOREFRONT_ROUTES.me), 200, "user"],
      myNotifications: [storefrontCall(STOREFRONT_ROUTES.myNotifications), 200, "notifications"],
    };
    for (const [name, [call, status, bodyKey, body]] of Object.entries(expected)) {
      const reply = await answer(call, body);
      expect(reply, name).toMatchObject({ status });
      expect(Object.keys(reply?.body as object), name).toEqual([bodyKey]);
    }
  });

  it("hands the handler a param as the shopper gave it, however it had to be encoded", async () => {
    const awkward = "o/1 ?#é";
    expect((await answer(storefrontCall(STOREFRONT_ROUTES.order, { id: awkward })))?.body).toMatchObject({ order: { id: awkward } });
    expect((await answer(storefrontCall(STOREFRONT_ROUTES.product, { id: awkward })))?.body).toMatchObject({ product: { id: awkward } });
  });
});
