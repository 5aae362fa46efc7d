// How other services reach product-service over HTTP, behind the same interface the monolith calls directly.
import type { ServiceClient } from "@sandbox/runtime";
import type { OrderItem, OrderLine } from "../../../lib/contract/storefront";
import type { ProductsApi } from "./catalogue";

export function productsOverHttp(client: ServiceClient): ProductsApi {
  return {
    reserve: (orderId: string, items: OrderItem[]) =>
      client.request<{ lines: OrderLine[]; totalCents: number }>("product-service", "POST", "/reservations", { body: { orderId, items } }),
  };
}
