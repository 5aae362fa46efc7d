// order-service's own tables: orders, what happened to each, the outbox of its OrderCreated events, and placements
// in flight. The shop's rules are the database's: an order and its outbox entry are written in one transaction, and
// one Idempotency-Key of a user stands for one order (a unique constraint).
import type { Database, Migration } from "@sandbox/runtime";
import type { Order, OrderLine } from "../../../lib/contract/storefront";

export const ORDER_MIGRATIONS: Migration[] = [
  `CREATE TABLE orders (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'payment_failed')),
     items TEXT NOT NULL,
     total_cents INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     idempotency_key TEXT,
     request_hash TEXT,
     UNIQUE (user_id, idempotency_key)
   );
   CREATE INDEX orders_by_user ON orders (user_id, created_at);
   CREATE TABLE order_events (
     order_id TEXT NOT NULL REFERENCES orders (id),
     event TEXT NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (order_id, event)
   );
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     order_id TEXT NOT NULL UNIQUE REFERENCES orders (id),
     event TEXT NOT NULL,
     payload TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     published_at INTEGER
   );
   CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
   CREATE TABLE placements (
     order_id TEXT PRIMARY KEY,
     started_at INTEGER NOT NULL
   );`,
];

interface OrderRow {
  id: string;
  user_id: string;
  status: Order["status"];
  items: string;
  total_cents: number;
  created_at: number;
  request_hash: string | null;
}

/** An order as order-service keeps it: what a shopper sees, and the hash of what its key asked for. */
export type StoredOrder = Order & { requestHash?: string };

export interface NewOrder {
  id: string;
  userId: string;
  items: OrderLine[];
  totalCents: number;
  idempotencyKey?: string;
  requestHash?: string;
}

export interface OutboxEntry {
  orderId: string;
  payload: string;
}

/** order-service's queries, each one statement or one transaction. */
export function orderTables(db: Database) {
  db.migrate("orders", ORDER_MIGRATIONS);

  const withHistory = (rows: OrderRow[]): StoredOrder[] => {
    if (rows.length === 0) return [];
    const events = db.all<{ order_id: string; event: string; at: number }>(
      `SELECT order_id, event, at FROM order_events WHERE order_id IN (${rows.map(() => "?").join(",")}) ORDER BY at, rowid`,
      ...rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      status: row.status,
      items: JSON.parse(row.items) as OrderLine[],
      totalCents: row.total_cents,
      createdAt: row.created_at,
      history: events.filter((event) => event.order_id === row.id).map(({ event, at }) => ({ event, at })),
      ...(row.request_hash ? { requestHash: row.request_hash } : {}),
    }));
  };

  return {
    get: (id: string): StoredOrder | undefined => withHistory(db.all<OrderRow>("SELECT * FROM orders WHERE id = ?", id))[0],
    listFor: (userId: string): StoredOrder[] => withHistory(db.all<OrderRow>("SELECT * FROM orders WHERE user_id = ? ORDER BY created_at, rowid", userId)),
    all: (): StoredOrder[] => withHistory(db.all<OrderRow>("SELECT * FROM orders ORDER BY created_at, rowid")),
    pending: (): StoredOrder[] => withHistory(db.all<OrderRow>("SELECT * FROM orders WHERE status = 'pending' ORDER BY created_at, rowid")),
    /**
     * Saves the order and its OrderCreated outbox entry in one transaction: neither is ever there without the other.
     * False when the order already existed (another replica saved it first): that one stands.
     */
    insert(order: NewOrder, payload: string, now = Date.now()): boolean {
      return db.transaction(() => {
        const inserted = db.run(
          `INSERT INTO orders (id, user_id, status, items, total_cents, created_at, idempotency_key, request_hash)
           VALUES (?, ?, 'pending', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          order.id, order.userId, JSON.stringify(order.items), order.totalCents, now, order.idempotencyKey ?? null, order.requestHash ?? null,
        ).changes;
        if (inserted === 0) return false;
        db.run("INSERT INTO order_events (order_id, event, at) VALUES (?, 'OrderCreated', ?)", order.id, now);
        db.run("INSERT INTO outbox (order_id, event, payload, created_at) VALUES (?, 'OrderCreated', ?, ?)", order.id, payload, now);
        db.run("DELETE FROM placements WHERE order_id = ?", order.id);
        return true;
      });
    },
    /** Records that something happened to the order, once per event; a pending order takes `status`. */
    record(orderId: string, event: string, status?: Order["status"]): void {
      db.transaction(() => {
        if (!db.get("SELECT 1 FROM orders WHERE id = ?", orderId)) throw new Error(`no order ${orderId}`);
        db.run("INSERT INTO order_events (order_id, event, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", orderId, event, Date.now());
        if (status) db.run("UPDATE orders SET status = ? WHERE id = ? AND status = 'pending'", status, orderId);
      });
    },
    unpublished: (): OutboxEntry[] => db.all<{ order_id: string; payload: string }>("SELECT order_id, payload FROM outbox WHERE published_at IS NULL ORDER BY id").map((row) => ({ orderId: row.order_id, payload: row.payload })),
    outboxOf: (orderId: string): OutboxEntry | undefined => {
      const row = db.get<{ order_id: string; payload: string }>("SELECT order_id, payload FROM outbox WHERE order_id = ?", orderId);
      return row && { orderId: row.order_id, payload: row.payload };
    },
    isPublished: (orderId: string): boolean => db.get<{ published_at: number | null }>("SELECT published_at FROM outbox WHERE order_id = ?", orderId)?.published_at != null,
    markPublished: (orderId: string): void => void db.run("UPDATE outbox SET published_at = ? WHERE order_id = ? AND published_at IS NULL", Date.now(), orderId),
    startPlacement: (orderId: string, at = Date.now()): void => void db.run("INSERT INTO placements (order_id, started_at) VALUES (?, ?) ON CONFLICT DO NOTHING", orderId, at),
    endPlacement: (orderId: string): void => void db.run("DELETE FROM placements WHERE order_id = ?", orderId),
    placementsStartedBefore: (at: number): string[] => db.all<{ order_id: string }>("SELECT order_id FROM placements WHERE started_at < ? ORDER BY started_at", at).map((row) => row.order_id),
  };
}

export type OrderTables = ReturnType<typeof orderTables>;
