// The product catalogue and its stock: prices, reservations for orders, and stock that follows payments.
import { conflict, notFound, type Database, type Migration, type Publisher } from "@sandbox/runtime";
import type { OrderItem, OrderLine, Product } from "../../../lib/contract/storefront";

interface StartingProduct {
  id: string;
  name: string;
  priceCents: number;
  initialStock: number;
}

/** Stock set aside for one order: held while it is paid for, committed once paid, released if payment fails. */
interface Reservation {
  id: string;
  items: OrderItem[];
  state: "held" | "committed" | "released";
  /** When the order set it aside; the audit tells a leaked hold from an order still being placed by it. */
  heldAt?: number;
}

/** What the shop sells when it opens. */
export const STARTING_CATALOGUE: StartingProduct[] = [
  // Plenty of the everyday items, so generated traffic can order for a long while; few laptops, so a learner can
  // see "out of stock" (and, at $1,899, a declined card) without waiting.
  { id: "p-keyboard", name: "Mechanical keyboard", priceCents: 8900, initialStock: 50_000 },
  { id: "p-mouse", name: "Wireless mouse", priceCents: 2900, initialStock: 50_000 },
  { id: "p-monitor", name: "27-inch monitor", priceCents: 27900, initialStock: 20_000 },
  { id: "p-headset", name: "Noise-cancelling headset", priceCents: 15900, initialStock: 20_000 },
  { id: "p-webcam", name: "HD webcam", priceCents: 5900, initialStock: 30_000 },
  { id: "p-laptop", name: "Developer laptop", priceCents: 189900, initialStock: 50 },
];

/** product-service's own tables: the stock on the shelf is a column that can never go below zero. */
export const PRODUCT_MIGRATIONS: Migration[] = [
  `CREATE TABLE products (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
     stock INTEGER NOT NULL CHECK (stock >= 0)
   );
   CREATE TABLE reservations (
     order_id TEXT PRIMARY KEY,
     items TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('held', 'committed', 'released')),
     held_at INTEGER
   );`,
  (db) => {
    for (const product of STARTING_CATALOGUE) db.run("INSERT INTO products (id, name, price_cents, stock) VALUES (?, ?, ?, ?)", product.id, product.name, product.priceCents, product.initialStock);
  },
];

export interface ProductsApi {
  /** Checks stock and prices and sets the items aside for the order; the same order id reserves once. */
  reserve(orderId: string, items: OrderItem[]): Promise<{ lines: OrderLine[]; totalCents: number }>;
  /** The order was never saved: give back what it set aside, and make sure a late reserve for it holds nothing. */
  cancel(orderId: string): Promise<void>;
}

interface ProductRow {
  id: string;
  name: string;
  price_cents: number;
  stock: number;
}

const view = (row: ProductRow): Product => ({ id: row.id, name: row.name, priceCents: row.price_cents, stock: row.stock });

/** The quantity of each product the items ask for, a product named twice counted once. */
function wantedOf(items: OrderItem[]): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const item of items) wanted.set(item.productId, (wanted.get(item.productId) ?? 0) + item.quantity);
  return wanted;
}

export function createCatalogue(db: Database, publisher: Publisher) {
  db.migrate("products", PRODUCT_MIGRATIONS);
  const productRow = (id: string) => db.get<ProductRow>("SELECT * FROM products WHERE id = ?", id);

  /** Moves a held reservation to `state`, and its stock back on the shelf when released; false if it was not held. */
  function settleHeld(orderId: string, state: "committed" | "released"): boolean {
    return db.transaction(() => {
      const row = db.get<{ items: string }>("SELECT items FROM reservations WHERE order_id = ? AND state = 'held'", orderId);
      if (!row || db.run("UPDATE reservations SET state = ? WHERE order_id = ? AND state = 'held'", state, orderId).changes === 0) return false;
      if (state === "released") for (const [productId, quantity] of wantedOf(JSON.parse(row.items) as OrderItem[])) db.run("UPDATE products SET stock = stock + ? WHERE id = ?", quantity, productId);
      return true;
    });
  }

  async function settle(orderId: string, state: "committed" | "released") {
    const reservation = db.get<{ items: string }>("SELECT items FROM reservations WHERE order_id = ?", orderId);
    if (!reservation) throw new Error(`no reservation for order ${orderId}`);
    settleHeld(orderId, state);
    const items = (JSON.parse(reservation.items) as OrderItem[]).map((item) => ({ productId: item.productId, stock: productRow(item.productId)!.stock }));
    await publisher.publish("InventoryUpdated", { orderId, change: state, items }, orderId);
  }

  return {
    list: (): Product[] => db.all<ProductRow>("SELECT * FROM products ORDER BY rowid").map(view),
    get(id: string): Product {
      const product = productRow(id);
      if (!product) throw notFound(`no product with id ${id}`);
      return view(product);
    },
    async reserve(orderId: string, items: OrderItem[]) {
      const lines: OrderLine[] = items.map((item) => {
        const product = productRow(item.productId);
        if (!product) throw notFound(`no product with id ${item.productId}`);
        return { ...item, priceCents: product.price_cents };
      });
      db.transaction(() => {
        // The same order id reserves once: a retry (or a second replica) finds its reservation and holds nothing more.
        if (db.run("INSERT INTO reservations (order_id, items, state, held_at) VALUES (?, ?, 'held', ?) ON CONFLICT DO NOTHING", orderId, JSON.stringify(items), Date.now()).changes === 0) return;
        for (const [productId, quantity] of wantedOf(items)) {
          // One conditional update: the stock is taken only if there is enough of it, so it is never oversold.
          if (db.run("UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?", quantity, productId, quantity).changes === 0) {
            const product = productRow(productId)!;
            throw conflict(`${product.name} is out of stock: ${product.stock} left, ${quantity} wanted`);
          }
        }
      });
      return { lines, totalCents: lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0) };
    },
    async cancel(orderId: string) {
      // A late reserve for this order finds the released row and holds nothing.
      if (db.run("INSERT INTO reservations (order_id, items, state) VALUES (?, '[]', 'released') ON CONFLICT DO NOTHING", orderId).changes === 0) settleHeld(orderId, "released");
    },
    /** PaymentSucceeded: the held stock is sold. */
    commit: (orderId: string) => settle(orderId, "committed"),
    /** PaymentFailed: the held stock goes back on the shelf. */
    release: (orderId: string) => settle(orderId, "released"),
    /** Every reservation, for the audit. */
    reservations: (): Reservation[] =>
      db.all<{ order_id: string; items: string; state: Reservation["state"]; held_at: number | null }>("SELECT * FROM reservations ORDER BY rowid").map((row) => ({
        id: row.order_id,
        items: JSON.parse(row.items) as OrderItem[],
        state: row.state,
        ...(row.held_at != null ? { heldAt: row.held_at } : {}),
      })),
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;
