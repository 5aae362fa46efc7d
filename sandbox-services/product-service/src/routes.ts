// product-service over HTTP and queues: the catalogue's routes and the payment events it follows.
import { parseBody, type EventHandlers, type Routes } from "@sandbox/runtime";
import { reserveStockBody } from "../../../lib/contract/body-checks";
import type { Catalogue } from "./catalogue";

export function productRoutes(catalogue: Catalogue): Routes {
  return {
    "GET /products": () => ({ status: 200, body: { products: catalogue.list() } }),
    "GET /products/:id": ({ params }) => ({ status: 200, body: { product: catalogue.get(params.id) } }),
    "POST /reservations": async ({ body }) => {
      const { orderId, items } = parseBody(reserveStockBody, body);
      return { status: 201, body: await catalogue.reserve(orderId, items) };
    },
    "POST /reservations/:id/cancel": async ({ params }) => {
      await catalogue.cancel(params.id);
      return { status: 200, body: { cancelled: params.id } };
    },
  };
}

export function productHandlers(catalogue: Catalogue): EventHandlers {
  return {
    PaymentSucceeded: ({ orderId }) => catalogue.commit(orderId),
    PaymentFailed: ({ orderId }) => catalogue.release(orderId),
  };
}
