// The Data tab's reading of a service's database: every table with its row count and newest rows first, credentials
// masked, long text cut, read-only while the service writes, and a database not made yet said so.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../../sandbox-services/runtime/src/database";
import { LATEST_ROWS } from "../../contract/data-view";
import { readDatabaseView } from "./database-view";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "data-view-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("readDatabaseView", () => {
  it("says there is no database yet when the file is not there", () => {
    expect(readDatabaseView("order-service", path.join(dir, "order-service.sqlite"))).toEqual({ service: "order-service", file: "order-service.sqlite", exists: false, tables: [] });
  });

  it("lists every table with its count and its latest rows, newest first, while the service keeps writing", () => {
    const file = path.join(dir, "order-service.sqlite");
    const service = openDatabase(file);
    service.run("CREATE TABLE orders (id TEXT PRIMARY KEY, total_cents INTEGER, note TEXT)");
    service.run("CREATE TABLE outbox (id INTEGER PRIMARY KEY, order_id TEXT)");
    for (let i = 1; i <= 7; i++) service.run("INSERT INTO orders VALUES (?, ?, ?)", `o-${i}`, i * 100, i === 7 ? "x".repeat(200) : null);
    const view = readDatabaseView("order-service", file);
    expect(view.exists).toBe(true);
    expect(view.tables.map((table) => [table.name, table.rows])).toEqual([["orders", 7], ["outbox", 0]]);
    const orders = view.tables[0];
    expect(orders.columns).toEqual(["id", "total_cents", "note"]);
    expect(orders.latest).toHaveLength(LATEST_ROWS);
    expect(orders.latest[0].slice(0, 2)).toEqual(["o-7", 700]);
    expect(String(orders.latest[0][2])).toHaveLength(80);
    expect(orders.latest[1]).toEqual(["o-6", 600, null]);
    service.run("INSERT INTO outbox (order_id) VALUES ('o-7')");
    expect(readDatabaseView("order-service", file).tables[1]).toMatchObject({ rows: 1, latest: [[1, "o-7"]] });
  });

  it("masks credentials: a learner sees that a password hash is kept, never the hash", () => {
    const file = path.join(dir, "auth-service.sqlite");
    const service = openDatabase(file);
    service.run("CREATE TABLE credentials (email TEXT PRIMARY KEY, user_id TEXT, password_hash TEXT)");
    service.run("INSERT INTO credentials VALUES ('ada@example.com', 'u-1', 'scrypt$abc$def')");
    expect(readDatabaseView("auth-service", file).tables[0].latest).toEqual([["ada@example.com", "u-1", "•••"]]);
  });
});
