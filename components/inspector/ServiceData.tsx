"use client";
// The Data tab of a service: its own database, live and read-only — every table with its row count and latest rows.
// For the monolith (and each of its modules) it is the one file that holds every module's tables.
import { useEffect, useState } from "react";
import type { DatabaseView } from "../../lib/contract/data-view";
import { callControl } from "../../lib/client/sandbox-api";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import "./service-data.css";

/** How often an open Data tab reads the database again when it hears of no write. */
export const DATA_REFRESH_MS = 500;

const WRITES = new Set(["INSERT", "UPDATE", "DELETE", "COMMIT"]);

/** True when the events after `afterSeq` hold a write of `service` to its database (its database span said so). */
function wroteSince(events: ReturnType<typeof sandboxStore.getState>["events"], afterSeq: number, service: string): boolean {
  for (let i = events.length - 1; i >= 0 && events[i].seq > afterSeq; i--) {
    const event = events[i];
    if (event.type === "db" && event.service === service && WRITES.has(event.kind)) return true;
  }
  return false;
}

function DataTables({ database, module }: { database: DatabaseView; module?: string }) {
  if (!database.exists) return <p className="muted">No database yet: the service makes it when it starts.</p>;
  if (database.tables.length === 0) return <p className="muted">{database.file} holds no tables: this service keeps no data of its own.</p>;
  return (
    <>
      {database.tables.map((table) => (
        <section key={table.name} className="data-table" data-table={table.name} data-rows={table.rows} aria-label={`table ${table.name}`}>
          <h4>
            {table.name} <span className="muted">{table.rows === 1 ? "1 row" : `${table.rows} rows`}</span>
          </h4>
          {table.latest.length > 0 && (
            <div className="data-rows" tabIndex={0} role="region" aria-label={`latest rows of ${table.name}`}>
              <table>
                <thead>
                  <tr>
                    {table.columns.map((column) => (
                      <th key={column} scope="col">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.latest.map((row, index) => (
                    <tr key={index}>
                      {row.map((value, column) => (
                        <td key={column}>{value === null ? <span className="muted">null</span> : String(value)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      {module && <p className="muted">Every module&apos;s tables are in this one file: {module} could read any of them.</p>}
    </>
  );
}

/** `id`: the process (a microservice or the monolith); `module`: the monolith's module that was clicked, if any. */
export function ServiceData({ id, module }: { id: string; module?: string }) {
  const [open, setOpen] = useState(false);
  const [database, setDatabase] = useState<DatabaseView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let stopped = false;
    let reading = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      clearTimeout(timer);
      if (reading) {
        again = true; // a write was heard mid-read: read once more as soon as this one ends
        return;
      }
      reading = true;
      const answer = await callControl("database", { params: { id } });
      reading = false;
      if (stopped) return;
      if (answer.ok) {
        setDatabase(answer.data.database);
        setError(null);
      } else setError(answer.error);
      if (again) {
        again = false;
        void read();
      } else timer = setTimeout(read, DATA_REFRESH_MS);
    };
    // A write of this service's (its database span arriving with the telemetry) is read at once, not at the next tick.
    let seenSeq = sandboxStore.getState().events.at(-1)?.seq ?? 0;
    const unsubscribe = sandboxStore.subscribe((view) => {
      const newest = view.events.at(-1)?.seq ?? 0;
      if (newest <= seenSeq) return;
      const wrote = wroteSince(view.events, seenSeq, id);
      seenSeq = newest;
      if (wrote) void read();
    });
    void read();
    return () => {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
    };
  }, [open, id]);

  return (
    <details className="service-data" data-service-data={id} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Data {database ? <span className="muted">({database.file}, live, read-only)</span> : null}</summary>
      {error && <p className="warn-text">{error}</p>}
      {database && <DataTables database={database} module={module} />}
    </details>
  );
}
