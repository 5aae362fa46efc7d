// Payments: charging an order once (the card is simulated), and telling the shop how it went.
import { randomUUID } from "node:crypto";
import type { Database, Migration, Publisher } from "@sandbox/runtime";
import type { DomainEventPayloads } from "../../../lib/contract/shop";

/** The simulated card issuer declines any single charge above this amount. */
export const CARD_LIMIT_CENTS = 500_00;

export interface Charge {
  /** The order id: an order is charged at most once. */
  id: string;
  paymentId: string;
  userId: string;
  amountCents: number;
  outcome: "succeeded" | "failed";
  reason?: string;
  chargedAt: number;
}

/** The simulated card issuer: a pure decision, so the same order always gets the same answer. */
export function decide(amountCents: number): { outcome: "succeeded" } | { outcome: "failed"; reason: string } {
  return amountCents > CARD_LIMIT_CENTS
    ? { outcome: "failed", reason: `the card was declined: the limit is $${CARD_LIMIT_CENTS / 100}` }
    : { outcome: "succeeded" };
}

/** payment-service's own table: "one charge per order" is its primary key. */
export const PAYMENT_MIGRATIONS: Migration[] = [
  `CREATE TABLE charges (
     order_id TEXT PRIMARY KEY,
     payment_id TEXT NOT NULL UNIQUE,
     user_id TEXT NOT NULL,
     amount_cents INTEGER NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
     reason TEXT,
     charged_at INTEGER NOT NULL
   );`,
];

interface ChargeRow {
  order_id: string;
  payment_id: string;
  user_id: string;
  amount_cents: number;
  outcome: Charge["outcome"];
  reason: string | null;
  charged_at: number;
}

const toCharge = (row: ChargeRow): Charge => ({
  id: row.order_id,
  paymentId: row.payment_id,
  userId: row.user_id,
  amountCents: row.amount_cents,
  outcome: row.outcome,
  ...(row.reason != null ? { reason: row.reason } : {}),
  chargedAt: row.charged_at,
});

export function createPayments(db: Database, publisher: Publisher) {
  db.migrate("payments", PAYMENT_MIGRATIONS);
  const chargeOf = (orderId: string) => {
    const row = db.get<ChargeRow>("SELECT * FROM charges WHERE order_id = ?", orderId);
    return row && toCharge(row);
  };
  return {
    /** Handles OrderCreated; a redelivered event finds its charge and only repeats the announcement. */
    async charge({ orderId, userId, totalCents }: DomainEventPayloads["OrderCreated"]): Promise<Charge> {
      const decision = decide(totalCents);
      // Two deliveries at once (a recovered job beside its first run, on two replicas) cannot both charge: the
      // order id is the key, and the one that comes second finds the first one's charge.
      db.run(
        "INSERT INTO charges (order_id, payment_id, user_id, amount_cents, outcome, reason, charged_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING",
        orderId, `pay-${randomUUID()}`, userId, totalCents, decision.outcome, decision.outcome === "failed" ? decision.reason : null, Date.now(),
      );
      const charge = chargeOf(orderId)!;
      if (charge.outcome === "succeeded") {
        await publisher.publish("PaymentSucceeded", { orderId, userId, paymentId: charge.paymentId, amountCents: charge.amountCents }, orderId);
      } else {
        await publisher.publish("PaymentFailed", { orderId, userId, reason: charge.reason ?? "declined" }, orderId);
      }
      return charge;
    },
    all: (): Charge[] => db.all<ChargeRow>("SELECT * FROM charges ORDER BY rowid").map(toCharge),
  };
}

export type Payments = ReturnType<typeof createPayments>;
