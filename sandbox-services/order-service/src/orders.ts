// Orders: accepting one (stock reserved, OrderCreated published through an outbox) and following it to paid.
import { randomUUID } from "node:crypto";
import { HttpError, conflict, notFound, log, type Database, type Publisher } from "@sandbox/runtime";
import type { Order, OrderItem } from "../../../lib/contract/storefront";
import type { ProductsApi } from "../../product-service/src/catalogue";
import { orderIdFor, requestHashOf } from "./idempotency";
import { orderTables, type StoredOrder } from "./order-tables";

/** How often unpublished OrderCreated events are retried (while the broker was down, say). */
export const OUTBOX_RETRY_MS = 500;
/** A placement still reserving after this long was cut off (no call lasts longer than 10 s): give its stock back. */
export const ABANDON_PLACEMENT_AFTER_MS = 20_000;

const toView = ({ requestHash: _requestHash, ...order }: StoredOrder): Order => order;

const sameRequestOrRefuse = (order: StoredOrder, requestHash: string): Order => {
  if (order.requestHash !== requestHash) throw conflict("this Idempotency-Key was already used for a different order: use a new key for a new order");
  return toView(order);
};

export function createOrders(db: Database, products: ProductsApi, publisher: Publisher) {
  const orders = orderTables(db);
  /** Orders with a key being placed by this process now: a repeat waits for the first instead of racing it. */
  const placing = new Map<string, Promise<StoredOrder>>();

  /** OrderCreated being published by this process now: the outbox leaves them alone, so one is not sent twice. */
  const publishing = new Set<string>();

  async function publishCreated(orderId: string, payload: string): Promise<boolean> {
    publishing.add(orderId);
    try {
      await publisher.publish("OrderCreated", JSON.parse(payload), orderId);
    } catch (error) {
      log.warn(`OrderCreated for ${orderId} waits in the outbox: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      publishing.delete(orderId);
    }
    orders.markPublished(orderId);
    return true;
  }

  const record = (orderId: string, event: string, status?: Order["status"]) => orders.record(orderId, event, status);

  async function placeAs(id: string, userId: string, items: OrderItem[], idempotency?: { key: string; requestHash: string }): Promise<StoredOrder> {
    // An order being placed is marked before stock is reserved, so that if this process dies between reserving and
    // saving the order, the stock it set aside is found and given back. Saving the order removes the mark.
    orders.startPlacement(id);
    let reserved: Awaited<ReturnType<ProductsApi["reserve"]>>;
    try {
      reserved = await products.reserve(id, items);
    } catch (error) {
      // A clear refusal (out of stock, unknown product) held nothing: no trace is kept. Without an answer stock
      // may be held: the mark stays and the outbox round gives it back.
      if (error instanceof HttpError && error.status < 500) orders.endPlacement(id);
      throw error;
    }
    const { lines, totalCents } = reserved;
    const payload = JSON.stringify({ orderId: id, userId, totalCents });
    // False when a second replica saved it meanwhile (same key): that one stands.
    orders.insert({ id, userId, items: lines, totalCents, idempotencyKey: idempotency?.key, requestHash: idempotency?.requestHash }, payload);
    orders.endPlacement(id);
    const order = orders.get(id)!;
    const entry = orders.outboxOf(id);
    if (entry && !orders.isPublished(id)) await publishCreated(id, entry.payload);
    return order;
  }

  return {
    /**
     * Accepts an order: it is saved before anything is published, so an accepted order is never lost. With an
     * Idempotency-Key, the same key and items give back the same order, and other items with that key are a 409.
     */
    async place(userId: string, items: OrderItem[], idempotencyKey?: string): Promise<Order> {
      if (idempotencyKey === undefined) return toView(await placeAs(`o-${randomUUID()}`, userId, items));
      const id = orderIdFor(userId, idempotencyKey);
      const requestHash = requestHashOf(items);
      const inFlight = placing.get(id);
      const known = orders.get(id) ?? (inFlight ? await inFlight.catch(() => undefined) : undefined);
      if (known) return sameRequestOrRefuse(known, requestHash);
      const work = placeAs(id, userId, items, { key: idempotencyKey, requestHash });
      placing.set(id, work);
      try {
        return sameRequestOrRefuse(await work, requestHash);
      } finally {
        placing.delete(id);
      }
    },
    get(userId: string, orderId: string): Order {
      const order = orders.get(orderId);
      if (!order || order.userId !== userId) throw notFound(`no order ${orderId} for this user`);
      return toView(order);
    },
    listFor: (userId: string): Order[] => orders.listFor(userId).map(toView),
    all: (): Order[] => orders.all().map(toView),
    paid: (orderId: string) => record(orderId, "PaymentSucceeded", "paid"),
    paymentFailed: (orderId: string) => record(orderId, "PaymentFailed", "payment_failed"),
    inventoryUpdated: (orderId: string) => record(orderId, "InventoryUpdated"),
    emailSent: (orderId: string) => record(orderId, "EmailSent"),
    /** Gives back the stock of placements that were cut off before their order was saved; returns how many. */
    async abandonCutOffPlacements(now = Date.now()): Promise<number> {
      let abandoned = 0;
      for (const orderId of orders.placementsStartedBefore(now - ABANDON_PLACEMENT_AFTER_MS)) {
        if (orders.get(orderId)) {
          orders.endPlacement(orderId); // cut off after the order was saved: it stands
          continue;
        }
        try {
          await products.cancel(orderId);
        } catch {
          break; // product-service is unreachable: try again next round
        }
        orders.endPlacement(orderId);
        log.info(`order ${orderId} was cut off before it was saved: its stock went back on the shelf`);
        abandoned++;
      }
      return abandoned;
    },
    /**
     * Announces OrderCreated again for every order still pending. The monolith does this when it starts: its
     * in-process events died with the previous process, and only the orders' own records tell what was in flight.
     * Every consumer is idempotent, so an order whose events did survive is not paid twice.
     */
    async reannouncePending(): Promise<number> {
      let sent = 0;
      for (const order of orders.pending()) {
        const entry = orders.outboxOf(order.id);
        if (!entry) continue;
        if (!(await publishCreated(order.id, entry.payload))) break;
        sent++;
      }
      return sent;
    },
    /** Publishes what the outbox still holds; returns how many went out. */
    async drainOutbox(): Promise<number> {
      let sent = 0;
      for (const entry of orders.unpublished().filter((candidate) => !publishing.has(candidate.orderId))) {
        if (!(await publishCreated(entry.orderId, entry.payload))) break;
        sent++;
      }
      return sent;
    },
  };
}

export type Orders = ReturnType<typeof createOrders>;
