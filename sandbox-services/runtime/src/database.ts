// A service's own SQL database: one SQLite file (node:sqlite) shared by the service's replicas, in WAL mode so readers
// never wait for the writer, with a busy timeout so two replicas writing at once take turns instead of failing.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import { outsideTrace } from "./trace";

/** How long a write waits for another replica's transaction to end before it fails: longer than any of ours lasts. */
export const BUSY_TIMEOUT_MS = 5_000;

/** What one statement did, for a database span: its kind (SELECT, INSERT…), the table it names first, how long it took. */
export interface QueryRecord {
  kind: string;
  table: string;
  sql: string;
  startedAt: number;
  durationMs: number;
  error?: string;
}

/** One module's schema: each entry is applied once, in order, and recorded in `schema_migrations` under the module. */
export type Migration = string | ((db: Database) => void);

export type Row = Record<string, SQLInputValue>;

export interface Database {
  readonly file: string;
  run(sql: string, ...params: SQLInputValue[]): { changes: number };
  get<T = Row>(sql: string, ...params: SQLInputValue[]): T | undefined;
  all<T = Row>(sql: string, ...params: SQLInputValue[]): T[];
  /** Runs `work` as one transaction (BEGIN IMMEDIATE: it holds the write lock from the start, so a read inside it is not stale); all of it or none. */
  transaction<T>(work: () => T): T;
  /** Brings `module`'s schema up to date; safe when several replicas start at once. */
  migrate(module: string, migrations: Migration[]): void;
  close(): void;
}

/** Told of every statement any database of this process runs (the service runtime turns them into spans). */
let queryListener: ((query: QueryRecord) => void) | undefined;
export function onQuery(listener: ((query: QueryRecord) => void) | undefined): void {
  queryListener = listener;
}

const TABLE_OF = /\b(?:FROM|INTO|UPDATE|TABLE(?: IF NOT EXISTS)?|JOIN)\s+"?([A-Za-z_][A-Za-z0-9_]*)/i;

/** The statement's kind and first table, as an OpenTelemetry database span names them. */
export function describeStatement(sql: string): { kind: string; table: string } {
  const kind = /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? "SQL";
  return { kind, table: TABLE_OF.exec(sql)?.[1] ?? "" };
}

/** SQLITE_BUSY, whatever its extended code: another connection holds the lock this one needs. */
export const isBusy = (error: unknown): boolean => typeof (error as { errcode?: unknown } | null)?.errcode === "number" && ((error as { errcode: number }).errcode & 0xff) === 5;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `work`, again and again while another connection holds the lock it needs, for up to BUSY_TIMEOUT_MS. Turning
 * a new file to WAL takes an exclusive lock that SQLite does not wait for (its busy handler is not called there, so
 * two connections upgrading at once cannot deadlock): replicas opening a fresh file together would otherwise fail.
 */
export function whenNotBusy<T>(work: () => T, timeoutMs = BUSY_TIMEOUT_MS): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

export function openDatabase(file: string, options: { readOnly?: boolean } = {}): Database {
  if (file !== ":memory:" && !options.readOnly) mkdirSync(path.dirname(file), { recursive: true });
  const db = new DatabaseSync(file, { timeout: BUSY_TIMEOUT_MS, readOnly: options.readOnly ?? false });
  if (!options.readOnly) {
    whenNotBusy(() => db.exec("PRAGMA journal_mode = WAL"));
    // Durable against a killed process in WAL mode; FULL would add an fsync per commit, for power loss only.
    db.exec("PRAGMA synchronous = NORMAL");
  }
  const statements = new Map<string, StatementSync>();
  let depth = 0;

  function measured<T>(sql: string, work: (statement: StatementSync) => T): T {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    if (!queryListener) return work(statement);
    const startedAt = Date.now();
    const started = performance.now();
    let error: string | undefined;
    try {
      return work(statement);
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
      throw thrown;
    } finally {
      queryListener?.({ ...describeStatement(sql), sql, startedAt, durationMs: performance.now() - started, ...(error ? { error } : {}) });
    }
  }

  const database: Database = {
    file,
    run: (sql, ...params) => measured(sql, (statement) => ({ changes: Number(statement.run(...params).changes) })),
    get: <T>(sql: string, ...params: SQLInputValue[]) => measured(sql, (statement) => statement.get(...params) as T | undefined),
    all: <T>(sql: string, ...params: SQLInputValue[]) => measured(sql, (statement) => statement.all(...params) as T[]),
    transaction<T>(work: () => T): T {
      // A nested call joins the transaction already open: the outermost one commits or rolls back all of it.
      if (depth > 0) return work();
      measured("BEGIN IMMEDIATE", (statement) => statement.run());
      depth++;
      try {
        const result = work();
        measured("COMMIT", (statement) => statement.run());
        return result;
      } catch (error) {
        if (db.isTransaction) db.exec("ROLLBACK");
        throw error;
      } finally {
        depth--;
      }
    },
    migrate(module, migrations) {
      db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INTEGER NOT NULL, applied_at INTEGER NOT NULL, PRIMARY KEY (module, version))");
      database.transaction(() => {
        // Read under the write lock: a replica starting at the same moment waits here, then finds the work done.
        const applied = database.get<{ version: number | null }>("SELECT MAX(version) AS version FROM schema_migrations WHERE module = ?", module)?.version ?? 0;
        migrations.forEach((migration, index) => {
          const version = index + 1;
          if (version <= applied) return;
          if (typeof migration === "string") db.exec(migration);
          else migration(database);
          database.run("INSERT INTO schema_migrations (module, version, applied_at) VALUES (?, ?, ?)", module, version, Date.now());
        });
      });
    },
    close: () => db.close(),
  };
  return database;
}

/** True when `error` is SQLite refusing a row that breaks a UNIQUE or PRIMARY KEY constraint. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed|PRIMARY KEY/i.test(error.message);
}

/** A readiness check: the database answers a query. Outside any trace, since a probe is no work of the shop's to report. */
export const databaseAnswers =
  (db: Pick<Database, "get">) =>
  (): void => {
    outsideTrace(() => db.get("SELECT 1"));
  };
