// The shop's internal calls between services and the payloads of its domain events.
import { z } from "zod";
import { IdempotencyKeySchema, OrderItemSchema } from "./storefront";

export const CreateUserBodySchema = z.object({
  email: z.string().min(1).max(320),
  name: z.string().min(1).max(100),
});

export const VerifyTokenBodySchema = z.object({ token: z.string().min(1).max(2000) });

export const ReserveStockBodySchema = z.object({
  orderId: z.string().min(1).max(100),
  items: z.array(OrderItemSchema).min(1).max(20),
});

export const CreateOrderBodySchema = z.object({
  userId: z.string().min(1).max(100),
  items: z.array(OrderItemSchema).min(1).max(20),
  /** The shopper's Idempotency-Key, when the request carried one. */
  idempotencyKey: IdempotencyKeySchema.optional(),
});

/** Payloads of the domain events, by name. */
export interface DomainEventPayloads {
  OrderCreated: { orderId: string; userId: string; totalCents: number };
  PaymentSucceeded: { orderId: string; userId: string; paymentId: string; amountCents: number };
  PaymentFailed: { orderId: string; userId: string; reason: string };
  InventoryUpdated: { orderId: string; change: "committed" | "released"; items: Array<{ productId: string; stock: number }> };
  EmailSent: { orderId: string; userId: string; notificationId: string; kind: string };
}
