// order-service over HTTP and queues.
import { badRequest, parseBody, type EventHandlers, type Routes } from "@sandbox/runtime";
import { createOrderBody } from "../../../lib/contract/body-checks";
import { OUTBOX_RETRY_MS, type Orders } from "./orders";

export function orderRoutes(orders: Orders): Routes {
  const userIdOf = (query: URLSearchParams) => {
    const userId = query.get("userId");
    if (!userId) throw badRequest("userId is required");
    return userId;
  };
  return {
    "POST /orders": async ({ body }) => {
      const { userId, items, idempotencyKey } = parseBody(createOrderBody, body);
      return { status: 202, body: { order: await orders.place(userId, items, idempotencyKey) } };
    },
    "GET /orders": ({ query }) => ({ status: 200, body: { orders: orders.listFor(userIdOf(query)) } }),
    "GET /orders/:id": ({ params, query }) => ({ status: 200, body: { order: orders.get(userIdOf(query), params.id) } }),
  };
}

export function orderHandlers(orders: Orders): EventHandlers {
  return {
    PaymentSucceeded: async ({ orderId }) => orders.paid(orderId),
    PaymentFailed: async ({ orderId }) => orders.paymentFailed(orderId),
    InventoryUpdated: async ({ orderId }) => orders.inventoryUpdated(orderId),
    EmailSent: async ({ orderId }) => orders.emailSent(orderId),
  };
}

/**
 * Retries the outbox in the background; returns a function that stops it. `reannouncePendingAtStart` is for a
 * process whose events in flight live only in memory (the monolith): it re-announces pending orders once.
 */
export function startOutbox(orders: Orders, { reannouncePendingAtStart = false } = {}): () => void {
  let running = false;
  if (reannouncePendingAtStart) {
    running = true;
    void orders.reannouncePending().finally(() => (running = false));
  }
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    await Promise.all([orders.drainOutbox(), orders.abandonCutOffPlacements()]).finally(() => (running = false));
  }, OUTBOX_RETRY_MS);
  return () => clearInterval(timer);
}
