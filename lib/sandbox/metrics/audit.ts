// The shop's invariants, read from every service's own data files: is every accepted order settled, was any
// order charged twice, and does the stock set aside agree with what happened to each order?
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
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

/** Every line of a collection's file, in write order (a document appears once per version). */
export function readVersions<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as T];
      } catch {
        return []; // a line cut short by a kill mid-write
      }
    });
}

export function latest<T extends { id: string }>(versions: T[]): Map<string, T> {
  return new Map(versions.map((doc) => [doc.id, doc]));
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

/** Where each module's collection lives: its own folder per service, or the monolith's one folder. */
function collectionFile(dataDir: string, stack: StackId, service: string, collection: string): string {
  return stack === "monolith" ? path.join(dataDir, "monolith", `${collection}.jsonl`) : path.join(dataDir, "microservices", service, `${collection}.jsonl`);
}

export function readShop(dataDir: string, stack: StackId, now = Date.now()): ShopData {
  const file = (service: string, collection: string) => collectionFile(dataDir, stack, service, collection);
  return {
    orders: [...latest(readVersions<Order>(file("order-service", "orders"))).values()],
    charges: readVersions<Charge>(file("payment-service", "charges")),
    reservations: latest(readVersions<Reservation>(file("product-service", "reservations"))),
    now,
  };
}

export async function audit(sandbox: Sandbox): Promise<Audit[]> {
  return sandbox.running().map((stack) => auditShop(stack, readShop(sandbox.dataDir, stack)));
}
