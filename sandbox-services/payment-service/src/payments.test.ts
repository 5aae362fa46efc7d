// Payments: the simulated card's decision, and an order charged at most once however often OrderCreated arrives.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@sandbox/runtime";
import { recordingPublisher } from "../../runtime/src/testing/recording-publisher";
import { CARD_LIMIT_CENTS, createPayments, decide } from "./payments";

let dir: string;
let publisher: ReturnType<typeof recordingPublisher>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "payments-test-"));
  publisher = recordingPublisher();
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("decide", () => {
  it("accepts a charge up to the card limit", () => {
    expect(decide(CARD_LIMIT_CENTS)).toEqual({ outcome: "succeeded" });
    expect(decide(100)).toEqual({ outcome: "succeeded" });
  });

  it("declines a charge above the card limit, saying why", () => {
    expect(decide(CARD_LIMIT_CENTS + 1)).toEqual({ outcome: "failed", reason: "the card was declined: the limit is $500" });
  });
});

describe("charge", () => {
  it("charges an order within the limit and announces PaymentSucceeded", async () => {
    const payments = createPayments(openDatabase(path.join(dir, "db.sqlite")), publisher);
    const charge = await payments.charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 });
    expect(charge).toMatchObject({ id: "o-1", userId: "u-1", amountCents: 11800, outcome: "succeeded" });
    expect(charge.paymentId).toMatch(/^pay-/);
    expect(publisher.published).toEqual([
      { event: "PaymentSucceeded", payload: { orderId: "o-1", userId: "u-1", paymentId: charge.paymentId, amountCents: 11800 }, key: "o-1" },
    ]);
  });

  it("records a declined charge and announces PaymentFailed with the reason", async () => {
    const payments = createPayments(openDatabase(path.join(dir, "db.sqlite")), publisher);
    const charge = await payments.charge({ orderId: "o-1", userId: "u-1", totalCents: 189900 });
    expect(charge.outcome).toBe("failed");
    expect(publisher.published).toEqual([
      { event: "PaymentFailed", payload: { orderId: "o-1", userId: "u-1", reason: "the card was declined: the limit is $500" }, key: "o-1" },
    ]);
  });

  it("does not charge twice when OrderCreated is delivered again, but announces the outcome again", async () => {
    const payments = createPayments(openDatabase(path.join(dir, "db.sqlite")), publisher);
    const first = await payments.charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 });
    const second = await payments.charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 });
    expect(second).toEqual(first);
    expect(payments.all()).toHaveLength(1);
    expect(publisher.published).toHaveLength(2);
    expect(publisher.published[1]).toEqual(publisher.published[0]);
  });

  it("does not charge twice when the redelivery reaches another replica or a restarted service", async () => {
    const first = await createPayments(openDatabase(path.join(dir, "db.sqlite")), publisher).charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 });
    const other = createPayments(openDatabase(path.join(dir, "db.sqlite")), publisher);
    const second = await other.charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 });
    expect(second.paymentId).toBe(first.paymentId);
    expect(other.all()).toHaveLength(1);
  });

  it("charges different orders separately", async () => {
    const payments = createPayments(openDatabase(path.join(dir, "db.sqlite")), publisher);
    const a = await payments.charge({ orderId: "o-1", userId: "u-1", totalCents: 100 });
    const b = await payments.charge({ orderId: "o-2", userId: "u-1", totalCents: 100 });
    expect(a.paymentId).not.toBe(b.paymentId);
    expect(payments.all()).toHaveLength(2);
  });
});

describe("one charge per order, kept by the database", () => {
  it("refuses a second charge row for an order (its primary key), whatever its payment id", async () => {
    const db = openDatabase(path.join(dir, "db.sqlite"));
    await createPayments(db, publisher).charge({ orderId: "o-1", userId: "u-1", totalCents: 100 });
    expect(() => db.run("INSERT INTO charges (order_id, payment_id, user_id, amount_cents, outcome, charged_at) VALUES ('o-1', 'pay-other', 'u-1', 100, 'succeeded', 0)")).toThrow(/UNIQUE constraint failed: charges.order_id/);
  });

  it("charges once when two replicas (two connections to one file) take the same OrderCreated at once", async () => {
    const replicas = [createPayments(openDatabase(path.join(dir, "db.sqlite")), publisher), createPayments(openDatabase(path.join(dir, "db.sqlite")), publisher)];
    const charges = await Promise.all([...replicas, ...replicas].map((replica) => replica.charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 })));
    expect(new Set(charges.map((charge) => charge.paymentId)).size).toBe(1);
    expect(replicas[1].all()).toHaveLength(1);
  });
});
