// The shop's zod-free body checks against the zod schemas they stand for: on generated bodies near the rules' edges
// (lengths at each bound, numbers at each limit and beyond safe integers, Infinity, wrong types, missing and extra keys,
// item lists at each length), each gives zod's value on success and zod's first issue, path and words, on failure.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createOrderBody, createUserBody, EMAIL_PATTERN, idempotencyKey, loginBody, placeOrderBody, registerBody, reserveStockBody, verifyTokenBody, type Checked } from "./body-checks";
import { CreateOrderBodySchema, CreateUserBodySchema, ReserveStockBodySchema, VerifyTokenBodySchema } from "./shop";
import { IdempotencyKeySchema, LoginBodySchema, PlaceOrderBodySchema, RegisterBodySchema } from "./storefront";

const lengths = [0, 1, 2, 7, 8, 100, 101, 128, 129, 200, 201, 320, 321, 2000, 2001];
const text = fc.oneof(
  fc.constantFrom(...lengths).chain((length) => fc.constantFrom("a", " ", "Z", "é", "\t", "~").map((char) => char.repeat(length))),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("ada@example.com", " Ada@Example.COM ", "a@b.co", "a@b", "a..b@c.io", ".a@b.io", "a@-b.io", "x@y.z", "key with space", "k\u00e9y", "p-mouse"),
);
const number = fc.oneof(
  fc.constantFrom(0, -0, 1, 1.5, 2, 99, 100, 101, -1, 2 ** 53 - 1, 2 ** 53, 2 ** 60, -(2 ** 60), Infinity, -Infinity, 0.1),
  fc.integer({ min: -5, max: 105 }),
  fc.double({ noNaN: true }),
);
const other = fc.constantFrom(null, true, false, [], {}, ["a"], { a: 1 });
const scalar = fc.oneof(text, number, other);
const item = fc.oneof(
  { weight: 3, arbitrary: fc.record({ productId: text, quantity: number }, { requiredKeys: [] }) },
  { weight: 3, arbitrary: fc.record({ productId: fc.constant("p-mouse"), quantity: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 1, arbitrary: scalar },
);
const items = fc.oneof(
  fc.constantFrom(0, 1, 2, 19, 20, 21).chain((length) => fc.array(item, { minLength: length, maxLength: length })),
  fc.array(item, { maxLength: 4 }),
  scalar,
);
/** An object with these fields (each perhaps missing or of another type), perhaps an extra key, or no object at all. */
function bodies(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const shaped = fc.record(Object.fromEntries(Object.entries(fields).map(([key, arbitrary]) => [key, fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: scalar })])), { requiredKeys: [] });
  return fc.oneof({ weight: 8, arbitrary: fc.tuple(shaped, fc.option(scalar)).map(([body, extra]) => (extra === null ? body : { ...body, extra })) }, { weight: 1, arbitrary: fc.oneof(scalar, fc.constant(undefined)) });
}

function agreeWithZod(check: (input: unknown) => Checked<unknown>, schema: z.ZodType, input: unknown): void {
  const expected = schema.safeParse(input);
  const actual = check(input);
  if (expected.success) {
    expect(actual).toEqual({ ok: true, value: expected.data });
  } else {
    const [first] = expected.error.issues;
    expect(actual).toEqual({ ok: false, issue: { path: first.path, message: first.message } });
  }
}

const pairs: Array<[string, (input: unknown) => Checked<unknown>, z.ZodType, fc.Arbitrary<unknown>]> = [
  ["register", registerBody, RegisterBodySchema, bodies({ email: text, password: text, name: text })],
  ["login", loginBody, LoginBodySchema, bodies({ email: text, password: text })],
  ["place order", placeOrderBody, PlaceOrderBodySchema, bodies({ items })],
  ["Idempotency-Key", idempotencyKey, IdempotencyKeySchema, fc.oneof(text, scalar, fc.array(text, { maxLength: 2 }))],
  ["create user", createUserBody, CreateUserBodySchema, bodies({ email: text, name: text })],
  ["verify token", verifyTokenBody, VerifyTokenBodySchema, bodies({ token: text })],
  ["reserve stock", reserveStockBody, ReserveStockBodySchema, bodies({ orderId: text, items })],
  ["create order", createOrderBody, CreateOrderBodySchema, bodies({ userId: text, items, idempotencyKey: text })],
];

describe("the shop's body checks give zod's answers", () => {
  it.each(pairs)("%s", (_, check, schema, inputs) => {
    fc.assert(fc.property(inputs, (input) => agreeWithZod(check, schema, input)), { numRuns: 3_000 });
  });

  it("on the bodies a shopper sends, good and bad", () => {
    agreeWithZod(registerBody, RegisterBodySchema, { email: " Ada@Example.com ", password: "correct horse", name: " Ada ", admin: true });
    agreeWithZod(registerBody, RegisterBodySchema, { email: "ada@", password: "correct horse", name: "Ada" });
    agreeWithZod(placeOrderBody, PlaceOrderBodySchema, { items: [{ productId: "p-mouse", quantity: 2 }] });
    agreeWithZod(placeOrderBody, PlaceOrderBodySchema, { items: [{ productId: "p-mouse", quantity: 2 ** 60 }] });
    agreeWithZod(createOrderBody, CreateOrderBodySchema, { userId: "u-1", items: [{ productId: "p-mouse", quantity: 1 }], idempotencyKey: "k-1" });
    expect(registerBody({ email: "ada@", password: "correct horse", name: "Ada" })).toEqual({ ok: false, issue: { path: ["email"], message: "email must be a valid email address" } });
  });

  it("use zod's own email pattern", () => {
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
  });
});
