// The audit reads what the services wrote, from their own SQLite files opened read-only: a stock hold that disagrees
// with its order and a hold left by a placement that died are each found, counted and put in words; a clean shop reads
// clean; the monolith's one file is read, not the microservices' files. Double charges are judged on the data alone.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Migration } from "../../../sandbox-services/runtime/src/database";
import { ORDER_MIGRATIONS } from "../../../sandbox-services/order-service/src/order-tables";
import { PAYMENT_MIGRATIONS } from "../../../sandbox-services/payment-service/src/payments";
import { PRODUCT_MIGRATIONS } from "../../../sandbox-services/product-service/src/catalogue";
import type { Order } from "../../contract/storefront";
import { ORPHAN_HOLD_AFTER_MS, audit, auditShop, databaseOf, readRows, readShop } from "./audit";
import type { Sandbox } from "../sandbox";

const order = (id: string, status: Order["status"]): Order => ({ id, userId: "u-1", items: [{ productId: "p-mouse", quantity: 1, priceCents: 2900 }], totalCents: 2900, status, createdAt: 0, history: [] });

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

interface ShopRows {
  orders?: Order[];
  charges?: Array<{ id: string; paymentId: string; outcome: "succeeded" | "failed" }>;
  reservations?: Array<{ id: string; state: "held" | "committed" | "released"; heldAt?: number }>;
}

/** Writes rows with the services' own migrations into the files they would be in, for one stack of a data folder. */
function writeShop(dir: string, stack: "microservices" | "monolith", rows: ShopRows): void {
  const open = (service: string, module: string, migrations: Migration[]) => {
    const db = openDatabase(databaseOf(dir, stack, service));
    db.migrate(module, migrations);
    return db;
  };
  const orders = open("order-service", "orders", ORDER_MIGRATIONS);
  for (const o of rows.orders ?? []) orders.run("INSERT INTO orders (id, user_id, status, items, total_cents, created_at) VALUES (?, ?, ?, '[]', ?, 0)", o.id, o.userId, o.status, o.totalCents);
  orders.close();
  const payments = open("payment-service", "payments", PAYMENT_MIGRATIONS);
  for (const c of rows.charges ?? []) payments.run("INSERT INTO charges (order_id, payment_id, user_id, amount_cents, outcome, charged_at) VALUES (?, ?, 'u-1', 100, ?, 0)", c.id, c.paymentId, c.outcome);
  payments.close();
  const products = open("product-service", "products", PRODUCT_MIGRATIONS);
  for (const r of rows.reservations ?? []) products.run("INSERT INTO reservations (order_id, items, state, held_at) VALUES (?, '[]', ?, ?)", r.id, r.state, r.heldAt ?? null);
  products.close();
}

function dataFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "audit-test-"));
  folders.push(dir);
  return dir;
}

describe("reading the services' databases", () => {
  it("reads rows read-only, and a database or table that is not there yet reads as no rows", () => {
    const dir = dataFolder();
    expect(readRows(path.join(dir, "missing.sqlite"), "SELECT * FROM orders")).toEqual([]);
    const db = openDatabase(path.join(dir, "x.sqlite"));
    db.run("CREATE TABLE other (id TEXT)");
    expect(readRows(path.join(dir, "x.sqlite"), "SELECT * FROM orders")).toEqual([]);
    db.run("INSERT INTO other (id) VALUES ('a')");
    expect(readRows(path.join(dir, "x.sqlite"), "SELECT id FROM other")).toEqual([{ id: "a" }]);
    expect(() => readRows(path.join(dir, "x.sqlite"), "DELETE FROM other")).toThrow(/readonly/i);
    db.close();
  });

  it("puts each microservice's database in its own folder and every module's tables in the monolith's one file", () => {
    expect(databaseOf("/d", "microservices", "order-service")).toBe(path.join("/d", "microservices", "order-service", "order-service.sqlite"));
    expect(databaseOf("/d", "monolith", "order-service")).toBe(path.join("/d", "monolith", "monolith.sqlite"));
    expect(databaseOf("/d", "monolith", "payment-service")).toBe(databaseOf("/d", "monolith", "order-service"));
  });
});

describe("the audit of a microservices data folder", () => {
  it("reads a clean shop as clean, counting orders by state", () => {
    const dir = dataFolder();
    writeShop(dir, "microservices", {
      orders: [order("o-1", "paid"), order("o-2", "payment_failed"), order("o-3", "pending")],
      charges: [
        { id: "o-1", paymentId: "pay-1", outcome: "succeeded" },
        { id: "o-2", paymentId: "pay-2", outcome: "failed" },
      ],
      reservations: [
        { id: "o-1", state: "committed" },
        { id: "o-2", state: "released" },
        { id: "o-3", state: "held" },
      ],
    });
    expect(auditShop("microservices", readShop(dir, "microservices", 1_000))).toEqual({ stack: "microservices", orders: 3, pending: 1, paid: 1, paymentFailed: 1, chargedTwice: 0, stockMismatches: 0, problems: [] });
  });

  it("finds a paid order whose stock is still held", () => {
    const dir = dataFolder();
    writeShop(dir, "microservices", { orders: [order("o-1", "paid")], charges: [{ id: "o-1", paymentId: "pay-1", outcome: "succeeded" }], reservations: [{ id: "o-1", state: "held", heldAt: 0 }] });
    expect(auditShop("microservices", readShop(dir, "microservices", 1_000))).toMatchObject({ stockMismatches: 1, problems: ["order o-1 is paid but its stock is held"] });
  });
});

describe("the audit of the monolith's one file", () => {
  it("reads every module's tables from the monolith's file, not the microservices' files", () => {
    const dir = dataFolder();
    writeShop(dir, "monolith", { orders: [order("o-9", "paid")], charges: [{ id: "o-9", paymentId: "pay-a", outcome: "succeeded" }], reservations: [{ id: "o-9", state: "committed" }] });
    writeShop(dir, "microservices", { orders: [order("o-other", "pending")] });
    const audit = auditShop("monolith", readShop(dir, "monolith", 1_000));
    expect(audit).toMatchObject({ stack: "monolith", orders: 1, paid: 1, chargedTwice: 0, problems: [] });
  });
});

describe("double charges", () => {
  it("counts an order with charges under two payment ids, and a charge seen twice only once", () => {
    const charges = [
      { id: "o-1", paymentId: "pay-1", outcome: "succeeded" as const },
      { id: "o-1", paymentId: "pay-2", outcome: "succeeded" as const },
      { id: "o-2", paymentId: "pay-3", outcome: "succeeded" as const },
      { id: "o-2", paymentId: "pay-3", outcome: "succeeded" as const },
    ];
    const reservations = new Map([["o-1", { id: "o-1", state: "committed" as const }], ["o-2", { id: "o-2", state: "committed" as const }]]);
    const audit = auditShop("microservices", { orders: [order("o-1", "paid"), order("o-2", "paid")], charges, reservations, now: 0 });
    expect(audit).toMatchObject({ chargedTwice: 1, problems: ["order o-1 was charged 2 times"] });
  });
});

describe("audit", () => {
  it("audits every running stack from the sandbox's data folder", async () => {
    const dir = dataFolder();
    writeShop(dir, "microservices", { orders: [order("o-1", "paid")], reservations: [{ id: "o-1", state: "committed" }] });
    writeShop(dir, "monolith", { orders: [order("o-2", "pending"), order("o-3", "pending")], reservations: [{ id: "o-2", state: "held" }, { id: "o-3", state: "held" }] });
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
