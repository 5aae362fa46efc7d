// The audit reads what the services wrote: a real double charge, a stock hold that disagrees with its order, and a
// hold left by a placement that died are each found, counted and put in words; a clean shop reads clean.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Order } from "../../contract/storefront";
import { ORPHAN_HOLD_AFTER_MS, audit, auditShop, latest, readShop, readVersions } from "./audit";
import type { Sandbox } from "../sandbox";

const order = (id: string, status: Order["status"]): Order => ({ id, userId: "u-1", items: [{ productId: "p-mouse", quantity: 1, priceCents: 2900 }], totalCents: 2900, status, createdAt: 0, history: [] });

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

/** A data folder laid out as the services write it: one folder per microservice, or the monolith's one folder. */
function dataFolder(files: Record<string, unknown[] | string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "audit-test-"));
  folders.push(dir);
  for (const [file, lines] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), typeof lines === "string" ? lines : lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
  }
  return dir;
}

describe("reading the services' files", () => {
  it("reads every version in write order, skips a line cut short by a kill and blank lines, and a missing file is empty", () => {
    const dir = dataFolder({ "x.jsonl": '{"id":"a","v":1}\n\n{"id":"a","v":2}\n{"id":"b","v":1}\n{"id":"b","v' });
    const versions = readVersions<{ id: string; v: number }>(path.join(dir, "x.jsonl"));
    expect(versions).toEqual([{ id: "a", v: 1 }, { id: "a", v: 2 }, { id: "b", v: 1 }]);
    expect([...latest(versions).values()]).toEqual([{ id: "a", v: 2 }, { id: "b", v: 1 }]);
    expect(readVersions(path.join(dir, "missing.jsonl"))).toEqual([]);
  });
});

describe("the audit of a microservices data folder", () => {
  it("finds an order charged twice when payment-service holds two charges with different payment ids for it", () => {
    const dir = dataFolder({
      "microservices/order-service/orders.jsonl": [order("o-1", "pending"), order("o-1", "paid"), order("o-2", "paid")],
      "microservices/payment-service/charges.jsonl": [
        { id: "o-1", paymentId: "pay-1", outcome: "succeeded" },
        { id: "o-1", paymentId: "pay-2", outcome: "succeeded" },
        { id: "o-2", paymentId: "pay-3", outcome: "succeeded" },
        // The same charge written again (a job run twice by an idempotent consumer) is not a second charge.
        { id: "o-2", paymentId: "pay-3", outcome: "succeeded" },
      ],
      "microservices/product-service/reservations.jsonl": [
        { id: "o-1", state: "held", heldAt: 0 },
        { id: "o-1", state: "committed", heldAt: 0 },
        { id: "o-2", state: "committed", heldAt: 0 },
      ],
    });
    const audit = auditShop("microservices", readShop(dir, "microservices", 1_000));
    expect(audit).toEqual({ stack: "microservices", orders: 2, pending: 0, paid: 2, paymentFailed: 0, chargedTwice: 1, stockMismatches: 0, problems: ["order o-1 was charged 2 times"] });
  });

  it("reads a clean shop as clean, counting orders by state", () => {
    const dir = dataFolder({
      "microservices/order-service/orders.jsonl": [order("o-1", "paid"), order("o-2", "payment_failed"), order("o-3", "pending")],
      "microservices/payment-service/charges.jsonl": [
        { id: "o-1", paymentId: "pay-1", outcome: "succeeded" },
        { id: "o-2", paymentId: "pay-2", outcome: "failed" },
      ],
      "microservices/product-service/reservations.jsonl": [
        { id: "o-1", state: "committed" },
        { id: "o-2", state: "released" },
        { id: "o-3", state: "held" },
      ],
    });
    expect(auditShop("microservices", readShop(dir, "microservices", 1_000))).toEqual({ stack: "microservices", orders: 3, pending: 1, paid: 1, paymentFailed: 1, chargedTwice: 0, stockMismatches: 0, problems: [] });
  });
});

describe("the audit of the monolith's one folder", () => {
  it("reads every module's collection from the monolith folder, not the microservices' folders", () => {
    const dir = dataFolder({
      "monolith/orders.jsonl": [order("o-9", "paid")],
      "monolith/charges.jsonl": [
        { id: "o-9", paymentId: "pay-a", outcome: "succeeded" },
        { id: "o-9", paymentId: "pay-b", outcome: "succeeded" },
        { id: "o-9", paymentId: "pay-c", outcome: "succeeded" },
      ],
      "monolith/reservations.jsonl": [{ id: "o-9", state: "committed" }],
      "microservices/order-service/orders.jsonl": [order("o-other", "pending")],
    });
    const audit = auditShop("monolith", readShop(dir, "monolith", 1_000));
    expect(audit).toMatchObject({ stack: "monolith", orders: 1, paid: 1, chargedTwice: 1, problems: ["order o-9 was charged 3 times"] });
  });
});

describe("audit", () => {
  it("audits every running stack from the sandbox's data folder", async () => {
    const dir = dataFolder({
      "microservices/order-service/orders.jsonl": [order("o-1", "paid")],
      "microservices/product-service/reservations.jsonl": [{ id: "o-1", state: "committed" }],
      "monolith/orders.jsonl": [order("o-2", "pending"), order("o-3", "pending")],
      "monolith/reservations.jsonl": [{ id: "o-2", state: "held" }, { id: "o-3", state: "held" }],
    });
    const sandbox = { dataDir: dir, running: () => ["microservices", "monolith"] } as unknown as Sandbox;
    expect(await audit(sandbox)).toEqual([
      { stack: "microservices", orders: 1, pending: 0, paid: 1, paymentFailed: 0, chargedTwice: 0, stockMismatches: 0, problems: [] },
      { stack: "monolith", orders: 2, pending: 2, paid: 0, paymentFailed: 0, chargedTwice: 0, stockMismatches: 0, problems: [] },
    ]);
  });
});

describe("stock that disagrees with the orders", () => {
  const noCharges = { id: "x", paymentId: "x", outcome: "failed" as const };
  it.each<[Order["status"], "held" | "committed" | "released"]>([
    ["pending", "committed"],
    ["pending", "released"],
    ["paid", "held"],
    ["paid", "released"],
    ["payment_failed", "held"],
    ["payment_failed", "committed"],
  ])("counts a %s order whose stock is %s", (status, state) => {
    const audit = auditShop("microservices", { orders: [order("o-1", status)], charges: [noCharges], reservations: new Map([["o-1", { id: "o-1", state }]]), now: 0 });
    expect(audit.stockMismatches).toBe(1);
    expect(audit.problems).toEqual([`order o-1 is ${status} but its stock is ${state}`]);
  });

  it("counts an order with no stock set aside", () => {
    const audit = auditShop("microservices", { orders: [order("o-1", "paid")], charges: [], reservations: new Map(), now: 0 });
    expect(audit).toMatchObject({ stockMismatches: 1, problems: ["order o-1 has no stock set aside"] });
  });

  it(`counts a hold with no order only once it is older than ${ORPHAN_HOLD_AFTER_MS} ms, and never a released one`, () => {
    const reservations = new Map([
      ["o-held", { id: "o-held", state: "held" as const, heldAt: 1_000 }],
      ["o-committed", { id: "o-committed", state: "committed" as const, heldAt: 1_000 }],
      ["o-released", { id: "o-released", state: "released" as const, heldAt: 1_000 }],
    ]);
    const young = auditShop("microservices", { orders: [], charges: [], reservations, now: 1_000 + ORPHAN_HOLD_AFTER_MS });
    expect(young.stockMismatches).toBe(0);
    const old = auditShop("microservices", { orders: [], charges: [], reservations, now: 1_001 + ORPHAN_HOLD_AFTER_MS });
    expect(old.stockMismatches).toBe(2);
    expect(old.problems).toEqual(["stock is held for o-held, an order that was never saved", "stock is committed for o-committed, an order that was never saved"]);
  });

  it("a hold with no time recorded counts from the epoch", () => {
    const audit = auditShop("microservices", { orders: [], charges: [], reservations: new Map([["o-1", { id: "o-1", state: "held" as const }]]), now: ORPHAN_HOLD_AFTER_MS + 1 });
    expect(audit.stockMismatches).toBe(1);
  });

  it("keeps at most 20 sentences, however much is wrong, but counts everything", () => {
    const orders = Array.from({ length: 25 }, (_, i) => order(`o-${i}`, "paid"));
    const audit = auditShop("microservices", { orders, charges: [], reservations: new Map(), now: 0 });
    expect(audit.stockMismatches).toBe(25);
    expect(audit.problems).toHaveLength(20);
    expect(audit.problems[0]).toBe("order o-0 has no stock set aside");
  });
});
