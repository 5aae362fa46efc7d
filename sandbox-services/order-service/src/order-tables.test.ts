// order-service's data rules, on a real SQLite: an order and its outbox entry are one transaction (a write failing
// half way leaves neither, and so does a process killed inside it), and a user's Idempotency-Key stands for one order.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { isUniqueViolation, openDatabase, type Database } from "@sandbox/runtime";
import { orderTables, type NewOrder, type OrderTables } from "./order-tables";

let db: Database;
let tables: OrderTables;

beforeEach(() => {
  db = openDatabase(":memory:");
  tables = orderTables(db);
});

const newOrder = (id: string, extra: Partial<NewOrder> = {}): NewOrder => ({ id, userId: "u-1", items: [{ productId: "p-mouse", quantity: 1, priceCents: 2900 }], totalCents: 2900, ...extra });
const payloadOf = (id: string) => JSON.stringify({ orderId: id, userId: "u-1", totalCents: 2900 });
const count = (table: string) => db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)!.n;
/** Makes the next write to `table` fail inside the database, as a full disk or a broken constraint would. */
const failWritesTo = (table: string) => db.run(`CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'the write to ${table} failed'); END`);

describe("an order and its outbox entry", () => {
  it("are written together: the order, its first event and its OrderCreated entry", () => {
    expect(tables.insert(newOrder("o-1"), payloadOf("o-1"))).toBe(true);
    expect(tables.get("o-1")).toMatchObject({ id: "o-1", status: "pending", history: [{ event: "OrderCreated" }] });
    expect(tables.unpublished()).toEqual([{ orderId: "o-1", payload: payloadOf("o-1") }]);
  });

  it("leave no order behind when the outbox entry cannot be written", () => {
    failWritesTo("outbox");
    expect(() => tables.insert(newOrder("o-1"), payloadOf("o-1"))).toThrow(/the write to outbox failed/);
    expect(tables.get("o-1")).toBeUndefined();
    expect([count("orders"), count("order_events"), count("outbox")]).toEqual([0, 0, 0]);
  });

  it("leave no outbox entry behind when the order cannot be written", () => {
    failWritesTo("orders");
    expect(() => tables.insert(newOrder("o-1"), payloadOf("o-1"))).toThrow(/the write to orders failed/);
    expect([count("orders"), count("outbox")]).toEqual([0, 0]);
  });

  it("leave neither when the write between them fails, and the next order is written whole", () => {
    failWritesTo("order_events");
    expect(() => tables.insert(newOrder("o-1"), payloadOf("o-1"))).toThrow(/the write to order_events failed/);
    expect([count("orders"), count("outbox")]).toEqual([0, 0]);
    db.run("DROP TRIGGER fail_order_events");
    expect(tables.insert(newOrder("o-2"), payloadOf("o-2"))).toBe(true);
    expect([count("orders"), count("outbox")]).toEqual([1, 1]);
  });

  it("cannot exist apart: the outbox refuses an entry for an order that is not there", () => {
    expect(() => db.run("INSERT INTO outbox (order_id, event, payload, created_at) VALUES ('o-ghost', 'OrderCreated', '{}', 0)")).toThrow(/FOREIGN KEY/);
  });

  it("removes the order's placement mark in the same transaction", () => {
    tables.startPlacement("o-1");
    tables.insert(newOrder("o-1"), payloadOf("o-1"));
    expect(count("placements")).toBe(0);
  });

  it("a second insert of the same order changes nothing and says so", () => {
    tables.insert(newOrder("o-1"), payloadOf("o-1"));
    expect(tables.insert(newOrder("o-1", { totalCents: 1 }), payloadOf("o-1"))).toBe(false);
    expect(tables.get("o-1")!.totalCents).toBe(2900);
    expect([count("orders"), count("outbox")]).toEqual([1, 1]);
  });
});

describe("the Idempotency-Key", () => {
  it("is unique per user: a second order with a user's key is refused by the database", () => {
    tables.insert(newOrder("o-1", { idempotencyKey: "key-1", requestHash: "h" }), payloadOf("o-1"));
    let refusal: unknown;
    try {
      db.run("INSERT INTO orders (id, user_id, status, items, total_cents, created_at, idempotency_key) VALUES ('o-2', 'u-1', 'pending', '[]', 0, 0, 'key-1')");
    } catch (error) {
      refusal = error;
    }
    expect(isUniqueViolation(refusal)).toBe(true);
    expect(count("orders")).toBe(1);
  });

  it("of another user, or no key at all, is no conflict", () => {
    tables.insert(newOrder("o-1", { idempotencyKey: "key-1" }), payloadOf("o-1"));
    expect(tables.insert(newOrder("o-2", { userId: "u-2", idempotencyKey: "key-1" }), payloadOf("o-2"))).toBe(true);
    expect(tables.insert(newOrder("o-3"), payloadOf("o-3"))).toBe(true);
    expect(tables.insert(newOrder("o-4"), payloadOf("o-4"))).toBe(true);
    expect(count("orders")).toBe(4);
  });
});

describe("what happens to an order", () => {
  it("is recorded once per event, and only a pending order changes status", () => {
    tables.insert(newOrder("o-1"), payloadOf("o-1"));
    tables.record("o-1", "PaymentSucceeded", "paid");
    tables.record("o-1", "PaymentSucceeded", "paid");
    tables.record("o-1", "PaymentFailed", "payment_failed");
    expect(tables.get("o-1")).toMatchObject({ status: "paid", history: [{ event: "OrderCreated" }, { event: "PaymentSucceeded" }, { event: "PaymentFailed" }] });
  });

  it("the status can only be one the shop knows", () => {
    tables.insert(newOrder("o-1"), payloadOf("o-1"));
    expect(() => db.run("UPDATE orders SET status = 'shipped' WHERE id = 'o-1'")).toThrow(/CHECK constraint/);
  });
});

describe("a process killed in the middle of saving an order (kill -9 inside the transaction, a real file)", () => {
  it("leaves the order and its outbox entry both out, keeps the order saved before whole, and the next order is saved whole", { timeout: 30_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "order-killed-"));
    const file = path.join(dir, "order-service.sqlite");
    try {
      const { signal, out } = await new Promise<{ signal: NodeJS.Signals | null; out: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./testing/order-killed.ts", import.meta.url)), file], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (chunk) => (out += chunk));
        child.on("error", reject);
        child.on("exit", (_, signal) => resolve({ signal, out }));
      });
      // It really died inside the second save: killed by the signal, after the first order and before the second's end.
      expect(signal).toBe("SIGKILL");
      expect(out).toBe("saved o-whole\n");

      const reopened = orderTables(openDatabase(file));
      expect(reopened.get("o-whole")).toMatchObject({ id: "o-whole", status: "pending" });
      expect(reopened.get("o-cut")).toBeUndefined();
      expect(reopened.unpublished().map((entry) => entry.orderId)).toEqual(["o-whole"]);
      expect(reopened.insert(newOrder("o-next"), payloadOf("o-next"))).toBe(true);
      expect(reopened.unpublished().map((entry) => entry.orderId)).toEqual(["o-whole", "o-next"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

