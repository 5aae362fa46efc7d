// The gateway's view of the shop: each backend is a module reached through a ServiceClient (over HTTP through the
// registry between microservices, as a function call inside the monolith).
import type { ServiceClient } from "@sandbox/runtime";
import type { Notification, Order, Product } from "../../../lib/contract/storefront";
import { authThrough } from "../../auth-service/src/client";
import { usersThrough } from "../../user-service/src/client";
import type { ShopBackends } from "./storefront";

export function backendsThrough(client: ServiceClient): ShopBackends {
  const id = encodeURIComponent;
  return {
    auth: authThrough(client),
    users: usersThrough(client),
    products: {
      list: async () => (await client.request<{ products: Product[] }>("product-service", "GET", "/products")).products,
      get: async (productId) => (await client.request<{ product: Product }>("product-service", "GET", `/products/${id(productId)}`)).product,
    },
    orders: {
      place: async (userId, items, idempotencyKey) => (await client.request<{ order: Order }>("order-service", "POST", "/orders", { body: { userId, items, idempotencyKey } })).order,
      get: async (userId, orderId) => (await client.request<{ order: Order }>("order-service", "GET", `/orders/${id(orderId)}?userId=${id(userId)}`)).order,
      listFor: async (userId) => (await client.request<{ orders: Order[] }>("order-service", "GET", `/orders?userId=${id(userId)}`)).orders,
    },
    notifications: {
      listFor: async (userId) => (await client.request<{ notifications: Notification[] }>("notification-service", "GET", `/notifications?userId=${id(userId)}`)).notifications,
    },
  };
}
