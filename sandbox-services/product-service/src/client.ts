// How other modules reach product-service: through a ServiceClient, over HTTP between microservices or as a function call in the monolith.
import type { ServiceClient } from "@sandbox/runtime";
import type { OrderItem, OrderLine } from "../../../lib/contract/storefront";
import type { ProductsApi } from "./catalogue";

export function productsThrough(client: ServiceClient): ProductsApi {
  return {
    reserve: (orderId: string, items: OrderItem[]) =>
      client.request<{ lines: OrderLine[]; totalCents: number }>("product-service", "POST", "/reservations", { body: { orderId, items } }),
    cancel: async (orderId: string) => void (await client.request("product-service", "POST", `/reservations/${encodeURIComponent(orderId)}/cancel`)),
  };
}
