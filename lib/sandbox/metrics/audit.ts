// The shop's invariants, read from every service's own database (read-only): is every accepted order settled, was
// any order charged twice, and does the stock set aside agree with what happened to each order?
import { existsSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { databaseFile } from "../../contract/databases";
import { MONOLITH_ID } from "../../contract/service-names";
import type { Audit } from "../../contract/control";
import type { StackId } from "../../contract/events";
import type { Order } from "../../contract/storefront";
import type { Sandbox } from "../sandbox";

/** A hold with no order behind it is only a leak once order-service has had time to save the order. */
export const ORPHAN_HOLD_AFTER_MS = 30_000;

interface Charge {
  id: string;
  paymentId: string;
  outcome: "succeeded" | "failed";
}
interface Reservation {
  id: string;
  state: "held" | "committed" | "released";
  heldAt?: number;
}

export interface ShopData {
  orders: Order[];
  charges: Charge[];
  reservations: Map<string, Reservation>;
  now: number;
}

/** The pure part: from what the services wrote to the audit's figures and sentences. */
export function auditShop(stack: StackId, data: ShopData): Audit {
  const problems: string[] = [];
  const paymentIds = new Map<string, Set<string>>();
  for (const charge of data.charges) paymentIds.set(charge.id, (paymentIds.get(charge.id) ?? new Set()).add(charge.paymentId));
  const chargedTwice = [...paymentIds].filter(([, ids]) => ids.size > 1);
  for (const [orderId, ids] of chargedTwice) problems.push(`order ${orderId} was charged ${ids.size} times`);

  let stockMismatches = 0;
  const expectedHold: Record<Order["status"], Reservation["state"]> = { pending: "held", paid: "committed", payment_failed: "released" };
  const orderIds = new Set<string>();
  for (const order of data.orders) {
    orderIds.add(order.id);
    const reservation = data.reservations.get(order.id);
    if (!reservation) {
      stockMismatches++;
      problems.push(`order ${order.id} has no stock set aside`);
    } else if (reservation.state !== expectedHold[order.status]) {
      stockMismatches++;
      problems.push(`order ${order.id} is ${order.status} but its stock is ${reservation.state}`);
    }
  }
  for (const reservation of data.reservations.values()) {
    if (!orderIds.has(reservation.id) && reservation.state !== "released" && data.now - (reservation.heldAt ?? 0) > ORPHAN_HOLD_AFTER_MS) {
      stockMismatches++;
      problems.push(`stock is ${reservation.state} for ${reservation.id}, an order that was never saved`);
    }
  }
  const count = (status: Order["status"]) => data.orders.filter((order) => order.status === status).length;
  return { stack, orders: data.orders.length, pending: count("pending"), paid: count("paid"), paymentFailed: count("payment_failed"), chargedTwice: chargedTwice.length, stockMismatches, problems: problems.slice(0, 20) };
}

/** The database file of `service` in `stack`: its own file, or the monolith's one file. */
export function databaseOf(dataDir: string, stack: StackId, service: string): string {
  return stack === "monolith" ? databaseFile(path.join(dataDir, "monolith"), MONOLITH_ID) : databaseFile(path.join(dataDir, "microservices", service), service);
}

/** Rows of `sql` from a database file opened read-only; none when the file or its table is not there yet. */
export function readRows<T>(file: string, sql: string): T[] {
  if (!existsSync(file)) return [];
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file, { readOnly: true, timeout: 1_000 });
    return db.prepare(sql).all() as T[];
  } catch (error) {
    if (error instanceof Error && /no such table/.test(error.message)) return []; // the service has not migrated yet
    throw error;
  } finally {
    db?.close();
  }
}

interface OrderRow {
  id: string;
  user_id: string;
  status: Order["status"];
  total_cents: number;
  created_at: number;
}

export function readShop(dataDir: string, stack: StackId, now = Date.now()): ShopData {
  const file = (service: string) => databaseOf(dataDir, stack, service);
  return {
    orders: readRows<OrderRow>(file("order-service"), "SELECT id, user_id, status, total_cents, created_at FROM orders").map((row) => ({ id: row.id, userId: row.user_id, status: row.status, items: [], totalCents: row.total_cents, createdAt: row.created_at, history: [] })),
    charges: readRows<{ id: string; paymentId: string; outcome: Charge["outcome"] }>(file("payment-service"), "SELECT order_id AS id, payment_id AS paymentId, outcome FROM charges"),
    reservations: new Map(
      readRows<{ id: string; state: Reservation["state"]; heldAt: number | null }>(file("product-service"), "SELECT order_id AS id, state, held_at AS heldAt FROM reservations").map((row) => [row.id, { id: row.id, state: row.state, ...(row.heldAt != null ? { heldAt: row.heldAt } : {}) }]),
    ),
    now,
  };
}

export async function audit(sandbox: Sandbox): Promise<Audit[]> {
  return sandbox.running().map((stack) => auditShop(stack, readShop(sandbox.dataDir, stack)));
}
