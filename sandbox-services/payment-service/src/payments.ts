// Payments: charging an order once (the card is simulated), and telling the shop how it went.
import { randomUUID } from "node:crypto";
import type { Publisher, Store } from "@sandbox/runtime";
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

export function createPayments(store: Store, publisher: Publisher) {
  const charges = store.collection<Charge>("charges");
  return {
    /** Handles OrderCreated; a redelivered event finds its charge and only repeats the announcement. */
    async charge({ orderId, userId, totalCents }: DomainEventPayloads["OrderCreated"]): Promise<Charge> {
      let charge = charges.get(orderId);
      if (!charge) {
        const decision = decide(totalCents);
        charge = charges.put({ id: orderId, paymentId: `pay-${randomUUID()}`, userId, amountCents: totalCents, chargedAt: Date.now(), ...decision });
      }
      if (charge.outcome === "succeeded") {
        await publisher.publish("PaymentSucceeded", { orderId, userId, paymentId: charge.paymentId, amountCents: charge.amountCents }, orderId);
      } else {
        await publisher.publish("PaymentFailed", { orderId, userId, reason: charge.reason ?? "declined" }, orderId);
      }
      return charge;
    },
    all: () => charges.all(),
  };
}

export type Payments = ReturnType<typeof createPayments>;
