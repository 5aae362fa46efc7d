// The bodies the shop's processes accept, checked without zod: loading zod costs ~70 ms of every service's start (a third
// of it), and these few shapes are all a shop process validates. Each check gives the same answer as its zod schema in
// storefront.ts and shop.ts — the same value on success, the same first issue (path and words) on failure; a unit test
// holds them to zod's answers on generated bodies. Only what JSON can carry is expected: a body is parsed JSON.
import type { CreateOrderBodySchema, CreateUserBodySchema, ReserveStockBodySchema, VerifyTokenBodySchema } from "./shop";
import type { LoginBody, OrderItem, PlaceOrderBody, RegisterBody } from "./storefront";
import type { z } from "zod";

export interface Issue {
  path: Array<string | number>;
  message: string;
}

/** What a check returns: the value (trimmed, lower-cased, unknown keys left out) or the first issue found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issue: Issue };

type Check<T> = (input: unknown, path: Array<string | number>) => Checked<T>;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(path: Array<string | number>, message: string): Checked<T> => ({ ok: false, issue: { path, message } });

/** zod's words for what was received instead ("number", "null", "array", "Infinity"...). */
function received(input: unknown): string {
  if (typeof input === "number") return Number.isFinite(input) ? "number" : String(input);
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  return typeof input;
}

const invalidType = (expected: string, input: unknown) => `Invalid input: expected ${expected}, received ${received(input)}`;

/** A bound with zod's default words, or the schema's own. */
type Bound = { limit: number; message?: string };
const at = (limit: number, message?: string): Bound => ({ limit, message });

interface StringRules {
  trim?: boolean;
  lower?: boolean;
  min?: Bound;
  max?: Bound;
  /** The value must match; its words are the schema's. */
  pattern?: { regex: RegExp; message: string };
}

function string(rules: StringRules = {}): Check<string> {
  return (input, path) => {
    if (typeof input !== "string") return fail(path, invalidType("string", input));
    let value = input;
    if (rules.trim) value = value.trim();
    if (rules.lower) value = value.toLowerCase();
    if (rules.min && value.length < rules.min.limit) return fail(path, rules.min.message ?? `Too small: expected string to have >=${rules.min.limit} characters`);
    if (rules.max && value.length > rules.max.limit) return fail(path, rules.max.message ?? `Too big: expected string to have <=${rules.max.limit} characters`);
    if (rules.pattern && !rules.pattern.regex.test(value)) return fail(path, rules.pattern.message);
    return ok(value);
  };
}

/** `z.number().int().min(min).max(max)`: finite, a safe integer, within bounds. */
function integer(min: number, max: number): Check<number> {
  return (input, path) => {
    if (typeof input !== "number" || !Number.isFinite(input)) return fail(path, invalidType("number", input));
    if (!Number.isInteger(input)) return fail(path, invalidType("int", input));
    if (input > Number.MAX_SAFE_INTEGER) return fail(path, `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`);
    if (input < Number.MIN_SAFE_INTEGER) return fail(path, `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`);
    if (input < min) return fail(path, `Too small: expected number to be >=${min}`);
    if (input > max) return fail(path, `Too big: expected number to be <=${max}`);
    return ok(input);
  };
}

/** An array of `item`: a length out of bounds is said first, and then the items are not looked at (as zod does). */
function array<T>(item: Check<T>, min: Bound, max: Bound): Check<T[]> {
  return (input, path) => {
    if (!Array.isArray(input)) return fail(path, invalidType("array", input));
    if (input.length > max.limit) return fail(path, max.message ?? `Too big: expected array to have <=${max.limit} items`);
    if (input.length < min.limit) return fail(path, min.message ?? `Too small: expected array to have >=${min.limit} items`);
    const value: T[] = [];
    for (let index = 0; index < input.length; index++) {
      const checked = item(input[index], [...path, index]);
      if (!checked.ok) return checked;
      value.push(checked.value);
    }
    return ok(value);
  };
}

/** A field that may be absent (JSON has no undefined: a null is not absent). */
const optional = <T>(check: Check<T>): Check<T | undefined> => (input, path) => (input === undefined ? ok(undefined) : check(input, path));

/** An object of these fields, checked in this order; keys not in the shape are left out of the value. */
function object<T>(shape: { [K in keyof T]: Check<T[K]> }): Check<T> {
  return (input, path) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return fail(path, invalidType("object", input));
    const value: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as Array<keyof T & string>) {
      const checked = shape[key]((input as Record<string, unknown>)[key], [...path, key]);
      if (!checked.ok) return checked as Checked<T>;
      if (checked.value !== undefined) value[key] = checked.value;
    }
    return ok(value as T);
  };
}

/** zod's email pattern (`z.regexes.email`); the unit test checks it is still the one zod uses. */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

const orderItem: Check<OrderItem> = object({ productId: string({ min: at(1), max: at(100) }), quantity: integer(1, 100) });

/** Checks `input` as a whole body (path starts empty). */
const asBody = <T>(check: Check<T>) => (input: unknown): Checked<T> => check(input, []);

export const registerBody = asBody<RegisterBody>(
  object({
    email: string({ trim: true, lower: true, pattern: { regex: EMAIL_PATTERN, message: "email must be a valid email address" } }),
    password: string({ min: at(8, "password must be at least 8 characters"), max: at(200) }),
    name: string({ trim: true, min: at(1, "name must not be empty"), max: at(100) }),
  }),
);

export const loginBody = asBody<LoginBody>(object({ email: string({ trim: true, lower: true, min: at(1), max: at(320) }), password: string({ min: at(1), max: at(200) }) }));

export const placeOrderBody = asBody<PlaceOrderBody>(object({ items: array(orderItem, at(1, "an order needs at least one item"), at(20)) }));

/** The header that carries a shopper's Idempotency-Key on POST /api/orders (its rules: storefront.ts). */
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
const idempotencyKeyCheck = string({ pattern: { regex: /^[\x21-\x7e]{1,128}$/, message: "an Idempotency-Key is 1 to 128 printable characters" } });
export const idempotencyKey = asBody<string>(idempotencyKeyCheck);

export const createUserBody = asBody<z.infer<typeof CreateUserBodySchema>>(object({ email: string({ min: at(1), max: at(320) }), name: string({ min: at(1), max: at(100) }) }));

export const verifyTokenBody = asBody<z.infer<typeof VerifyTokenBodySchema>>(object({ token: string({ min: at(1), max: at(2000) }) }));

export const reserveStockBody = asBody<z.infer<typeof ReserveStockBodySchema>>(object({ orderId: string({ min: at(1), max: at(100) }), items: array(orderItem, at(1), at(20)) }));

export const createOrderBody = asBody<z.infer<typeof CreateOrderBodySchema>>(
  object({ userId: string({ min: at(1), max: at(100) }), items: array(orderItem, at(1), at(20)), idempotencyKey: optional(idempotencyKeyCheck) }),
);
