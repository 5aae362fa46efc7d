// The shop's storefront API, the same on the gateway and on the monolith: bodies it accepts, shapes it returns (its
// routes, without zod so the shop's processes can load them: storefront-paths.ts).
import { z } from "zod";

export const RegisterBodySchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "email must be a valid email address" })),
  password: z.string().min(8, { error: "password must be at least 8 characters" }).max(200),
  name: z.string().trim().min(1, { error: "name must not be empty" }).max(100),
});
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

export const LoginBodySchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const OrderItemSchema = z.object({
  productId: z.string().min(1).max(100),
  quantity: z.number().int().min(1).max(100),
});
export type OrderItem = z.infer<typeof OrderItemSchema>;

export const PlaceOrderBodySchema = z.object({
  items: z.array(OrderItemSchema).min(1, { error: "an order needs at least one item" }).max(20),
});
export type PlaceOrderBody = z.infer<typeof PlaceOrderBodySchema>;

/**
 * The `Idempotency-Key` header of POST /api/orders: one per intent to order (a UUID, say). The same key and items
 * give back the same order; other items with the same key are a 409. Printable ASCII, 1 to 128 characters.
 */
export const IdempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,128}$/, "an Idempotency-Key is 1 to 128 printable characters");

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface Product {
  id: string;
  name: string;
  priceCents: number;
  stock: number;
}

export type OrderStatus = "pending" | "paid" | "payment_failed";

export interface OrderLine extends OrderItem {
  priceCents: number;
}

export interface Order {
  id: string;
  userId: string;
  status: OrderStatus;
  items: OrderLine[];
  totalCents: number;
  createdAt: number;
  /** What happened to the order after it was accepted, in the order it happened. */
  history: Array<{ event: string; at: number }>;
}

export interface Notification {
  id: string;
  orderId: string;
  userId: string;
  kind: "order-paid" | "payment-failed";
  sentAt: number;
}
