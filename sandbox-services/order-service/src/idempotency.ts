// One order per intent: a shopper's Idempotency-Key names the order it asks for. The order's id is derived from the
// user and the key, so a repeated request (a retry, a double click, a second replica) finds or reserves the very
// same order, and product-service, which reserves once per order id, holds its stock once.
import { createHash } from "node:crypto";
import type { OrderItem } from "../../../lib/contract/storefront";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The id of the order a user's key stands for, shaped like any other order id. */
export function orderIdFor(userId: string, key: string): string {
  const hex = sha256(`${userId}\n${key}`);
  return `o-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** What the request asked for, so the same key with another basket is told apart. */
export const requestHashOf = (items: OrderItem[]): string => sha256(JSON.stringify(items.map(({ productId, quantity }) => [productId, quantity])));
