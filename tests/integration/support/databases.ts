// The shop's own databases as a test reads them: a service's SQLite file, its rows (read-only), and a digest of every
// table of every file, so a write anywhere (an account, an order, a placement left behind) shows.
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { StackId } from "../../../lib/contract/events";
import { databaseOf, readRows } from "../../../lib/sandbox/metrics/audit";

export const databaseFileOf = (dataDir: string, stack: StackId, service: string): string => databaseOf(dataDir, stack, service);

export const rowsOf = <T>(file: string, sql: string): T[] => readRows<T>(file, sql);

/** Every table of every database under the data folder, each with its row count and a hash of its rows. */
export function databaseDigest(dataDir: string): Record<string, string> {
  const digest: Record<string, string> = {};
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".sqlite")) {
        for (const { name } of readRows<{ name: string }>(full, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
          const rows = readRows(full, `SELECT * FROM "${name}" ORDER BY rowid`);
          digest[`${path.relative(dataDir, full)}:${name}`] = `${rows.length} rows ${createHash("sha256").update(JSON.stringify(rows)).digest("hex").slice(0, 16)}`;
        }
      }
    }
  };
  walk(path.join(dataDir, "microservices"));
  walk(path.join(dataDir, "monolith"));
  return digest;
}
