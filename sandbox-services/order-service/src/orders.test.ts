// Orders: accepted even while the broker is down, announced exactly once through the outbox, and followed to paid.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HttpError, conflict, openDatabase, type Publisher } from "@sandbox/runtime";
import type { DomainEventName } from "../../../lib/contract/service-names";
import type { OrderItem } from "../../../lib/contract/storefront";
import type { ProductsApi } from "../../product-service/src/catalogue";
import { createOrders } from "./orders";

/** The broker as order-service sees it: publishes are written down, or refused while it is down. */
function fakeBroker(): Publisher & { published: Array<{ event: DomainEventName; payload: unknown; key: string }>; down: boolean } {
  const broker = {
    published: [] as Array<{ event: DomainEventName; payload: unknown; key: string }>,
    down: false,
    async publish(event: DomainEventName, payload: unknown, key: string) {
      if (broker.down) throw new Error("the broker is unreachable");
      broker.published.push({ event, payload, key });
    },
    async close() {},
  };
  return broker;
}

/** product-service as order-service sees it: fixed prices, reservations written down, optionally out of stock. */
function fakeProducts(): ProductsApi & { reserved: Array<{ orderId: string; items: OrderItem[] }>; cancelled: string[]; outOfStock: boolean; unreachable: boolean } {
  const prices: Record<string, number> = { "p-mouse": 2900, "p-keyboard": 8900 };
  const products = {
    reserved: [] as Array<{ orderId: string; items: OrderItem[] }>,
    cancelled: [] as string[],
    outOfStock: false,
    unreachable: false,
    async cancel(orderId: string) {
      if (products.unreachable) throw new HttpError(503, "product-service is down (connection refused)");
      products.cancelled.push(orderId);
    },
    async reserve(orderId: string, items: OrderItem[]) {
      if (products.unreachable) {
        // The call went out and the stock may well be held; only the answer was lost.
        products.reserved.push({ orderId, items });
        throw new HttpError(503, "product-service is down (no answer in time)");
      }
      if (products.outOfStock) throw conflict("Wireless mouse is out of stock: 0 left, 1 wanted");
      products.reserved.push({ orderId, items });
      const lines = items.map((item) => ({ ...item, priceCents: prices[item.productId] }));
      return { lines, totalCents: lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0) };
    },
  };
  return products;
}

let dir: string;
let broker: ReturnType<typeof fakeBroker>;
let products: ReturnType<typeof fakeProducts>;
let written: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "orders-test-"));
  broker = fakeBroker();
  products = fakeProducts();
  // The outbox logs a warning line on stdout when a publish fails; keep the test output readable.
  written = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = () => createOrders(openDatabase(path.join(dir, "db.sqlite")), products, broker);
const twoMiceAndAKeyboard: OrderItem[] = [
  { productId: "p-mouse", quantity: 2 },
  { productId: "p-keyboard", quantity: 1 },
];

describe("place", () => {
  it("saves a pending order priced by product-service and announces OrderCreated", async () => {
    const orders = open();
    const order = await orders.place("u-1", twoMiceAndAKeyboard);

    expect(products.reserved).toEqual([{ orderId: order.id, items: twoMiceAndAKeyboard }]);
    expect(order).toMatchObject({ userId: "u-1", status: "pending", totalCents: 2 * 2900 + 8900 });
    expect(order.items).toEqual([
      { productId: "p-mouse", quantity: 2, priceCents: 2900 },
      { productId: "p-keyboard", quantity: 1, priceCents: 8900 },
    ]);
    expect(order.history.map((entry) => entry.event)).toEqual(["OrderCreated"]);
    expect(orders.get("u-1", order.id)).toEqual(order);
    expect(broker.published).toEqual([
      { event: "OrderCreated", payload: { orderId: order.id, userId: "u-1", totalCents: 14700 }, key: order.id },
    ]);
  });

  it("does not show the outbox flag to the customer", async () => {
    const order = await open().place("u-1", twoMiceAndAKeyboard);
    expect(order).not.toHaveProperty("published");
    expect(open().get("u-1", order.id)).not.toHaveProperty("published");
  });

  it("accepts nothing and announces nothing when the stock cannot be reserved", async () => {
    const orders = open();
    products.outOfStock = true;
    await expect(orders.place("u-1", twoMiceAndAKeyboard)).rejects.toMatchObject({ status: 409 });
    expect(orders.all()).toEqual([]);
    expect(broker.published).toEqual([]);
  });
});

describe("the outbox", () => {
  it("keeps accepting orders while the broker is down", async () => {
    const orders = open();
    broker.down = true;
    const order = await orders.place("u-1", twoMiceAndAKeyboard);
    expect(order.status).toBe("pending");
    expect(orders.get("u-1", order.id).id).toBe(order.id);
    expect(broker.published).toEqual([]);
    expect(written.join("")).toContain(
      `warning: OrderCreated for ${order.id} waits in the outbox: the broker is unreachable`,
    );
  });

  it("announces a waiting order once the broker is back, exactly once", async () => {
    const orders = open();
    broker.down = true;
    const order = await orders.place("u-1", twoMiceAndAKeyboard);
    expect(await orders.drainOutbox()).toBe(0);

    broker.down = false;
    expect(await orders.drainOutbox()).toBe(1);
    expect(await orders.drainOutbox()).toBe(0);
    expect(broker.published).toEqual([
      { event: "OrderCreated", payload: { orderId: order.id, userId: "u-1", totalCents: 14700 }, key: order.id },
    ]);
  });

  it("has nothing to send for an order announced when it was placed", async () => {
    const orders = open();
    await orders.place("u-1", twoMiceAndAKeyboard);
    expect(await orders.drainOutbox()).toBe(0);
    expect(broker.published).toHaveLength(1);
  });

  it("still announces a waiting order after order-service restarts", async () => {
    broker.down = true;
    const order = await open().place("u-1", twoMiceAndAKeyboard);
    broker.down = false;
    const restarted = open();
    expect(await restarted.drainOutbox()).toBe(1);
    expect(broker.published.map((entry) => entry.key)).toEqual([order.id]);
  });
});

describe("following an order", () => {
  it("marks a pending order paid once and records PaymentSucceeded once", async () => {
    const orders = open();
    const { id } = await orders.place("u-1", twoMiceAndAKeyboard);
    orders.paid(id);
    orders.paid(id);
    const order = orders.get("u-1", id);
    expect(order.status).toBe("paid");
    expect(order.history.map((entry) => entry.event)).toEqual(["OrderCreated", "PaymentSucceeded"]);
  });

  it("marks a pending order payment_failed when the payment failed", async () => {
    const orders = open();
    const { id } = await orders.place("u-1", twoMiceAndAKeyboard);
    orders.paymentFailed(id);
    orders.paymentFailed(id);
    const order = orders.get("u-1", id);
    expect(order.status).toBe("payment_failed");
    expect(order.history.map((entry) => entry.event)).toEqual(["OrderCreated", "PaymentFailed"]);
  });

  it("does not move an order that already left pending", async () => {
    const orders = open();
    const { id } = await orders.place("u-1", twoMiceAndAKeyboard);
    orders.paid(id);
    orders.paymentFailed(id);
    expect(orders.get("u-1", id).status).toBe("paid");
  });

  it("records stock and email updates once each without changing the status", async () => {
    const orders = open();
    const { id } = await orders.place("u-1", twoMiceAndAKeyboard);
    orders.paid(id);
    orders.inventoryUpdated(id);
    orders.emailSent(id);
    orders.inventoryUpdated(id);
    orders.emailSent(id);
    const order = orders.get("u-1", id);
    expect(order.status).toBe("paid");
    expect(order.history.map((entry) => entry.event)).toEqual(["OrderCreated", "PaymentSucceeded", "InventoryUpdated", "EmailSent"]);
  });

  it("fails loudly on an event for an order it does not know", () => {
    expect(() => open().paid("o-unknown")).toThrow("no order o-unknown");
  });
});

describe("reading orders", () => {
  it("answers another user's order with a 404, as if it did not exist", async () => {
    const orders = open();
    const { id } = await orders.place("u-1", twoMiceAndAKeyboard);
    expect(() => orders.get("u-2", id)).toThrow(HttpError);
    expect(() => orders.get("u-2", id)).toThrow(`no order ${id} for this user`);
    expect(() => orders.get("u-1", "o-unknown")).toThrow(HttpError);
  });

  it("lists only the user's own orders", async () => {
    const orders = open();
    const mine = await orders.place("u-1", twoMiceAndAKeyboard);
    await orders.place("u-2", twoMiceAndAKeyboard);
    expect(orders.listFor("u-1").map((order) => order.id)).toEqual([mine.id]);
    expect(orders.all()).toHaveLength(2);
  });
});

describe("placements cut off before the order was saved", () => {
  const later = () => Date.now() + 60_000;

  it("gives back the stock of a placement whose reserve got no answer, once, and keeps no order for it", async () => {
    const orders = open();
    products.unreachable = true;
    await expect(orders.place("u-1", twoMiceAndAKeyboard)).rejects.toMatchObject({ status: 503 });
    const orderId = products.reserved[0].orderId;
    expect(await orders.abandonCutOffPlacements(Date.now())).toBe(0); // too soon: it may still be in flight

    expect(await orders.abandonCutOffPlacements(later())).toBe(0); // product-service still down: try again later
    products.unreachable = false;
    expect(await orders.abandonCutOffPlacements(later())).toBe(1);
    expect(products.cancelled).toEqual([orderId]);
    expect(await orders.abandonCutOffPlacements(later())).toBe(0);
    expect(orders.all()).toEqual([]);
  });

  it("leaves a refused order alone: out of stock held nothing, so there is nothing to give back", async () => {
    const orders = open();
    products.outOfStock = true;
    await expect(orders.place("u-1", twoMiceAndAKeyboard)).rejects.toMatchObject({ status: 409 });
    expect(await orders.abandonCutOffPlacements(later())).toBe(0);
    expect(products.cancelled).toEqual([]);
  });

  it("never cancels the stock of an order that was saved", async () => {
    const orders = open();
    await orders.place("u-1", twoMiceAndAKeyboard);
    expect(await orders.abandonCutOffPlacements(later())).toBe(0);
    expect(products.cancelled).toEqual([]);
  });
});

describe("reannouncePending", () => {
  it("announces OrderCreated again for pending orders only, so a restarted monolith finishes what its lost events left", async () => {
    const orders = open();
    const pending = await orders.place("u-1", twoMiceAndAKeyboard);
    const paid = await orders.place("u-1", twoMiceAndAKeyboard);
    orders.paid(paid.id);
    broker.published.length = 0;
    expect(await orders.reannouncePending()).toBe(1);
    expect(broker.published.map((entry) => [entry.event, entry.key])).toEqual([["OrderCreated", pending.id]]);
  });
});

describe("Idempotency-Key", () => {
  it("gives back the same order for the same key and items, however many ask at once, and reserves once", async () => {
    const orders = open();
    const placed = await Promise.all(Array.from({ length: 20 }, () => orders.place("u-1", twoMiceAndAKeyboard, "intent-1")));
    expect(new Set(placed.map((order) => order.id)).size).toBe(1);
    expect(orders.all()).toHaveLength(1);
    expect(products.reserved).toHaveLength(1);
    expect(broker.published.filter((entry) => entry.event === "OrderCreated")).toHaveLength(1);
    // A later retry, by a restarted process too, still finds it.
    expect((await open().place("u-1", twoMiceAndAKeyboard, "intent-1")).id).toBe(placed[0].id);
  });

  it("refuses the same key with other items (409), and keeps keys of different users apart", async () => {
    const orders = open();
    const first = await orders.place("u-1", twoMiceAndAKeyboard, "intent-1");
    await expect(orders.place("u-1", [{ productId: "p-mouse", quantity: 1 }], "intent-1")).rejects.toMatchObject({ status: 409 });
    const other = await orders.place("u-2", twoMiceAndAKeyboard, "intent-1");
    expect(other.id).not.toBe(first.id);
    expect(orders.all()).toHaveLength(2);
  });

  it("places a new order for each request without a key, as before", async () => {
    const orders = open();
    await orders.place("u-1", twoMiceAndAKeyboard);
    await orders.place("u-1", twoMiceAndAKeyboard);
    expect(orders.all()).toHaveLength(2);
  });
});

describe("what a refused order leaves in the database", () => {
  const rowsOf = () => {
    const db = openDatabase(path.join(dir, "db.sqlite"));
    return Object.fromEntries(["orders", "order_events", "outbox", "placements"].map((table) => [table, db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)!.n]));
  };

  it("nothing: a hundred refusals leave every table as it was", async () => {
    const orders = open();
    await orders.place("u-1", twoMiceAndAKeyboard);
    const before = rowsOf();
    expect(before).toEqual({ orders: 1, order_events: 1, outbox: 1, placements: 0 });
    products.outOfStock = true;
    for (let i = 0; i < 100; i++) await expect(orders.place("u-1", twoMiceAndAKeyboard)).rejects.toMatchObject({ status: 409 });
    expect(rowsOf()).toEqual(before);
  });
});
