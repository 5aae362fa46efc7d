// Reads a service's own SQLite file for the Data tab: read-only (the service may be writing it, WAL lets both), every
// table with its row count and latest rows. A value longer than a cell is cut; a column holding a secret is masked.
import { existsSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { LATEST_ROWS, type DatabaseView, type DataTable } from "../../contract/data-view";

/** Longer text is cut here: a row must fit the inspector. */
const MAX_CELL_CHARS = 80;
/** What a learner never needs to read, even in a sandbox: credentials. */
const SECRET_COLUMN = /password|secret|token/i;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

function cell(value: unknown, column: string): string | number | null {
  if (value === null || value === undefined) return null;
  if (SECRET_COLUMN.test(column)) return "•••";
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  const text = String(value);
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

export function readDatabaseView(service: string, file: string): DatabaseView {
  const base = { service, file: path.basename(file) };
  if (!existsSync(file)) return { ...base, exists: false, tables: [] };
  const db = new DatabaseSync(file, { readOnly: true, timeout: 1_000 });
  try {
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
    const tables: DataTable[] = names.map(({ name }) => {
      const columns = (db.prepare("SELECT name FROM pragma_table_info(?)").all(name) as Array<{ name: string }>).map((column) => column.name);
      const rows = Number((db.prepare(`SELECT COUNT(*) AS n FROM ${quoted(name)}`).get() as { n: number }).n);
      const latest = (db.prepare(`SELECT * FROM ${quoted(name)} ORDER BY rowid DESC LIMIT ${LATEST_ROWS}`).all() as Array<Record<string, unknown>>).map((row) => columns.map((column) => cell(row[column], column)));
      return { name, rows, columns, latest };
    });
    return { ...base, exists: true, tables };
  } finally {
    db.close();
  }
}
