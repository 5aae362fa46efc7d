// Payments: the simulated card's decision, and an order charged at most once however often OrderCreated arrives.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "@sandbox/runtime";
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
    const payments = createPayments(openStore(dir), publisher);
    const charge = await payments.charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 });
    expect(charge).toMatchObject({ id: "o-1", userId: "u-1", amountCents: 11800, outcome: "succeeded" });
    expect(charge.paymentId).toMatch(/^pay-/);
    expect(publisher.published).toEqual([
      { event: "PaymentSucceeded", payload: { orderId: "o-1", userId: "u-1", paymentId: charge.paymentId, amountCents: 11800 }, key: "o-1" },
    ]);
  });

  it("records a declined charge and announces PaymentFailed with the reason", async () => {
    const payments = createPayments(openStore(dir), publisher);
    const charge = await payments.charge({ orderId: "o-1", userId: "u-1", totalCents: 189900 });
    expect(charge.outcome).toBe("failed");
    expect(publisher.published).toEqual([
      { event: "PaymentFailed", payload: { orderId: "o-1", userId: "u-1", reason: "the card was declined: the limit is $500" }, key: "o-1" },
    ]);
  });

  it("does not charge twice when OrderCreated is delivered again, but announces the outcome again", async () => {
    const payments = createPayments(openStore(dir), publisher);
    const first = await payments.charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 });
    const second = await payments.charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 });
    expect(second).toEqual(first);
    expect(payments.all()).toHaveLength(1);
    expect(publisher.published).toHaveLength(2);
    expect(publisher.published[1]).toEqual(publisher.published[0]);
  });

  it("does not charge twice when the redelivery reaches another replica or a restarted service", async () => {
    const first = await createPayments(openStore(dir), publisher).charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 });
    const other = createPayments(openStore(dir), publisher);
    const second = await other.charge({ orderId: "o-1", userId: "u-1", totalCents: 11800 });
    expect(second.paymentId).toBe(first.paymentId);
    expect(other.all()).toHaveLength(1);
  });

  it("charges different orders separately", async () => {
    const payments = createPayments(openStore(dir), publisher);
    const a = await payments.charge({ orderId: "o-1", userId: "u-1", totalCents: 100 });
    const b = await payments.charge({ orderId: "o-2", userId: "u-1", totalCents: 100 });
    expect(a.paymentId).not.toBe(b.paymentId);
    expect(payments.all()).toHaveLength(2);
  });
});
