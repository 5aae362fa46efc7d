// A service's database: WAL on a file, a module's migrations applied once and in order (also by two replicas at
// once, and a lock another holds waited out), transactions that keep all or nothing, and every statement told to the span listener with its kind and table.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeStatement, onQuery, openDatabase, whenNotBusy, type QueryRecord } from "./database";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "database-test-"));
});
afterEach(() => {
  onQuery(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a database file", () => {
  it("is in WAL mode, so one replica reads while another writes, and sees the other's committed rows", () => {
    const file = path.join(dir, "svc", "svc.sqlite");
    const a = openDatabase(file);
    const b = openDatabase(file);
    expect(a.get<{ journal_mode: string }>("PRAGMA journal_mode")!.journal_mode).toBe("wal");
    a.run("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
    a.transaction(() => {
      a.run("INSERT INTO t (v) VALUES ('x')");
      expect(b.all("SELECT * FROM t")).toEqual([]); // not committed yet, and the reader is not blocked
    });
    expect(b.all("SELECT v FROM t")).toEqual([{ v: "x" }]);
  });

  it("opened read-only refuses writes", () => {
    const file = path.join(dir, "x.sqlite");
    openDatabase(file).run("CREATE TABLE t (id INTEGER)");
    expect(() => openDatabase(file, { readOnly: true }).run("INSERT INTO t VALUES (1)")).toThrow(/readonly/i);
  });
});

describe("migrations", () => {
  it("apply each version once, in order, per module, and only the new ones on the next start", () => {
    const file = path.join(dir, "x.sqlite");
    const applied: string[] = [];
    const v1 = ["CREATE TABLE a (id INTEGER)", () => void applied.push("seed")];
    openDatabase(file).migrate("m", v1);
    openDatabase(file).migrate("m", v1);
    expect(applied).toEqual(["seed"]);
    const db = openDatabase(file);
    db.migrate("m", [...v1, "ALTER TABLE a ADD COLUMN name TEXT"]);
    db.migrate("other", ["CREATE TABLE b (id INTEGER)"]);
    expect(db.all("SELECT module, version FROM schema_migrations ORDER BY module, version")).toEqual([
      { module: "m", version: 1 },
      { module: "m", version: 2 },
      { module: "m", version: 3 },
      { module: "other", version: 1 },
    ]);
    expect(db.all("SELECT name FROM pragma_table_info('a') ORDER BY cid")).toEqual([{ name: "id" }, { name: "name" }]);
  });

  it("that fail leave the schema and its version as they were", () => {
    const db = openDatabase(":memory:");
    expect(() => db.migrate("m", ["CREATE TABLE a (id INTEGER)", "CREATE TABLE a (id INTEGER)"])).toThrow(/already exists/);
    expect(db.all("SELECT * FROM schema_migrations")).toEqual([]);
    expect(db.all("SELECT name FROM sqlite_schema WHERE name = 'a'")).toEqual([]);
  });
});

describe("a transaction", () => {
  it("keeps all of its writes, or none when it throws half way; a nested one joins the outer", () => {
    const db = openDatabase(":memory:");
    db.run("CREATE TABLE t (v TEXT)");
    expect(() =>
      db.transaction(() => {
        db.run("INSERT INTO t VALUES ('1')");
        db.transaction(() => db.run("INSERT INTO t VALUES ('2')"));
        throw new Error("half way");
      }),
    ).toThrow("half way");
    expect(db.all("SELECT * FROM t")).toEqual([]);
    expect(db.transaction(() => (db.run("INSERT INTO t VALUES ('3')"), "done"))).toBe("done");
    expect(db.all("SELECT v FROM t")).toEqual([{ v: "3" }]);
  });
});

describe("statements as spans", () => {
  it("names a statement's kind and first table", () => {
    expect(describeStatement("SELECT * FROM orders WHERE id = ?")).toEqual({ kind: "SELECT", table: "orders" });
    expect(describeStatement("  insert into outbox (a) values (?)")).toEqual({ kind: "INSERT", table: "outbox" });
    expect(describeStatement("UPDATE products SET stock = stock - ?")).toEqual({ kind: "UPDATE", table: "products" });
    expect(describeStatement("DELETE FROM placements")).toEqual({ kind: "DELETE", table: "placements" });
    expect(describeStatement("BEGIN IMMEDIATE")).toEqual({ kind: "BEGIN", table: "" });
  });

  it("tells the listener of every statement, its duration, and a failure's message", () => {
    const seen: QueryRecord[] = [];
    onQuery((query) => seen.push(query));
    const db = openDatabase(":memory:");
    db.run("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    db.run("INSERT INTO t VALUES (1)");
    expect(() => db.run("INSERT INTO t VALUES (1)")).toThrow();
    expect(seen.map(({ kind, table }) => `${kind} ${table}`)).toEqual(["CREATE t", "INSERT t", "INSERT t"]);
    expect(seen.every((query) => query.durationMs >= 0 && query.startedAt > 0)).toBe(true);
    expect(seen[2].error).toMatch(/UNIQUE constraint failed/);
  });
});

describe("a lock another connection holds", () => {
  const busy = () => Object.assign(new Error("database is locked"), { errcode: 5 });

  it("is waited out: the work is tried again until the lock is free", () => {
    let tries = 0;
    const answer = whenNotBusy(() => {
      tries++;
      if (tries < 3) throw busy();
      return "done";
    });
    expect(answer).toBe("done");
    expect(tries).toBe(3);
  });

  it("counts SQLITE_BUSY's extended codes as busy, and anything else fails at once", () => {
    let tries = 0;
    expect(() => whenNotBusy(() => {
      tries++;
      if (tries === 1) throw Object.assign(new Error("database is locked"), { errcode: 5 | (2 << 8) });
      throw Object.assign(new Error("no such table: t"), { errcode: 1 });
    })).toThrow("no such table");
    expect(tries).toBe(2);
  });

  it("is given up on after the timeout, with SQLite's own error", () => {
    const started = Date.now();
    expect(() => whenNotBusy(() => {
      throw busy();
    }, 50)).toThrow("database is locked");
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });
});
