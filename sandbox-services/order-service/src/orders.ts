// Orders: accepting one (stock reserved, OrderCreated published through an outbox) and following it to paid.
import { randomUUID } from "node:crypto";
import { HttpError, conflict, notFound, log, type Publisher, type Store } from "@sandbox/runtime";
import type { Order, OrderItem } from "../../../lib/contract/storefront";
import type { ProductsApi } from "../../product-service/src/catalogue";
import { orderIdFor, requestHashOf } from "./idempotency";

/** An order as order-service keeps it: `published` is the outbox flag for its OrderCreated event. */
interface StoredOrder extends Order {
  published: boolean;
  /** What was asked for, when the order came with an Idempotency-Key: a repeat must ask for the same. */
  requestHash?: string;
}

/** How often unpublished OrderCreated events are retried (while the broker was down, say). */
export const OUTBOX_RETRY_MS = 500;
/** A placement still reserving after this long was cut off (no call lasts longer than 10 s): give its stock back. */
export const ABANDON_PLACEMENT_AFTER_MS = 20_000;

const toView = ({ published: _published, requestHash: _requestHash, ...order }: StoredOrder): Order => order;

const sameRequestOrRefuse = (order: StoredOrder, requestHash: string): Order => {
  if (order.requestHash !== requestHash) throw conflict("this Idempotency-Key was already used for a different order: use a new key for a new order");
  return toView(order);
};

export function createOrders(store: Store, products: ProductsApi, publisher: Publisher) {
  const orders = store.collection<StoredOrder>("orders");
  // An order being placed is marked before stock is reserved, so that if this process dies between reserving and
  // saving the order, the stock it set aside is found and given back. The mark goes once the order is settled
  // either way, so a refused order leaves nothing on disk.
  const placements = store.markers("placements");
  /** Orders with a key being placed by this process now: a repeat waits for the first instead of racing it. */
  const placing = new Map<string, Promise<StoredOrder>>();

  /** OrderCreated being published by this process now: the outbox leaves them alone, so one is not sent twice. */
  const publishing = new Set<string>();

  async function publishCreated(order: StoredOrder): Promise<boolean> {
    publishing.add(order.id);
    try {
      await publisher.publish("OrderCreated", { orderId: order.id, userId: order.userId, totalCents: order.totalCents }, order.id);
    } catch (error) {
      log.warn(`OrderCreated for ${order.id} waits in the outbox: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      publishing.delete(order.id);
    }
    const latest = orders.get(order.id)!;
    if (!latest.published) orders.put({ ...latest, published: true });
    return true;
  }

  /** Records that something happened to the order, once per event. */
  function record(orderId: string, event: string, status?: Order["status"]) {
    const order = orders.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    if (order.history.some((entry) => entry.event === event)) return;
    const next: StoredOrder = { ...order, history: [...order.history, { event, at: Date.now() }] };
    if (status && order.status === "pending") next.status = status;
    orders.put(next);
  }

  async function placeAs(id: string, userId: string, items: OrderItem[], requestHash?: string): Promise<StoredOrder> {
    placements.set(id);
    let reserved: Awaited<ReturnType<ProductsApi["reserve"]>>;
    try {
      reserved = await products.reserve(id, items);
    } catch (error) {
      // A clear refusal (out of stock, unknown product) held nothing: no trace is kept. Without an answer stock
      // may be held: the mark stays and the outbox round gives it back.
      if (error instanceof HttpError && error.status < 500) placements.clear(id);
      throw error;
    }
    const { lines, totalCents } = reserved;
    // A second replica may have saved it meanwhile (same key): that one stands.
    const order = orders.get(id) ?? orders.put({ id, userId, status: "pending", items: lines, totalCents, createdAt: Date.now(), history: [{ event: "OrderCreated", at: Date.now() }], published: false, ...(requestHash ? { requestHash } : {}) });
    placements.clear(id);
    if (!order.published) await publishCreated(order);
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
      const work = placeAs(id, userId, items, requestHash);
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
    listFor: (userId: string): Order[] => orders.filter((order) => order.userId === userId).map(toView),
    all: (): Order[] => orders.all().map(toView),
    paid: (orderId: string) => record(orderId, "PaymentSucceeded", "paid"),
    paymentFailed: (orderId: string) => record(orderId, "PaymentFailed", "payment_failed"),
    inventoryUpdated: (orderId: string) => record(orderId, "InventoryUpdated"),
    emailSent: (orderId: string) => record(orderId, "EmailSent"),
    /** Gives back the stock of placements that were cut off before their order was saved; returns how many. */
    async abandonCutOffPlacements(now = Date.now()): Promise<number> {
      let abandoned = 0;
      for (const placement of placements.list().filter((candidate) => now - candidate.at > ABANDON_PLACEMENT_AFTER_MS)) {
        if (orders.get(placement.id)) {
          placements.clear(placement.id); // cut off after the order was saved: it stands
          continue;
        }
        try {
          await products.cancel(placement.id);
        } catch {
          break; // product-service is unreachable: try again next round
        }
        placements.clear(placement.id);
        log.info(`order ${placement.id} was cut off before it was saved: its stock went back on the shelf`);
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
      for (const order of orders.filter((candidate) => candidate.status === "pending")) {
        if (!(await publishCreated(order))) break;
        sent++;
      }
      return sent;
    },
    /** Publishes what the outbox still holds; returns how many went out. */
    async drainOutbox(): Promise<number> {
      let sent = 0;
      for (const order of orders.filter((candidate) => !candidate.published && !publishing.has(candidate.id))) {
        if (!(await publishCreated(order))) break;
        sent++;
      }
      return sent;
    },
  };
}

export type Orders = ReturnType<typeof createOrders>;
