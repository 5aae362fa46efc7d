"use client";
// The faults in force now (from the live state), each with Clear, and Clear all.
import { useState } from "react";
import { useStore } from "zustand";
import { callControl } from "../../lib/client/sandbox-api";
import { describeFault } from "../../lib/client/fault-form";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { ActionError } from "../shared/ActionError";

export function FaultList() {
  const faults = useStore(sandboxStore, (view) => view.sandbox?.faults);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Every fault, or the one with this id. */
  async function clear(what: string, id?: string) {
    setBusy(what);
    setError(null);
    const result = await (id === undefined ? callControl("clearFaults") : callControl("removeFault", { params: { id } }));
    if (!result.ok) setError(result.error);
    setBusy(null);
  }

  return (
    <div className="fault-list">
      <h3>
        In force <span className="muted small">({faults?.length ?? 0})</span>
        {faults && faults.length > 0 && (
          <button type="button" className="op-button small-button" disabled={busy !== null} onClick={() => void clear("all")}>
            Clear all
          </button>
        )}
      </h3>
      {faults && faults.length === 0 && <p className="muted small">No fault: the shop runs as built.</p>}
      <ul aria-label="Faults in force">
        {faults?.map((fault) => (
          <li key={fault.id} data-fault={fault.type} data-fault-service={fault.service}>
            <span className="fault-badge" aria-hidden="true">
              ⚡
            </span>
            <span>{describeFault(fault)}</span>
            <button type="button" className="op-button small-button" disabled={busy !== null} onClick={() => void clear(fault.id, fault.id)} aria-label={`Clear ${describeFault(fault)}`}>
              Clear
            </button>
          </li>
        ))}
      </ul>
      <ActionError error={error} />
    </div>
  );
}
