"use client";
// The faults in force on a service (or on the monolith's modules), each with a button that clears it.
// Adding faults is the Break it panel's job; here they are only shown and cleared.
import { useState } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { StackId } from "../../lib/contract/events";
import { SHOP_SERVICE_IDS } from "../../lib/contract/services";
import { askSandbox } from "../../lib/client/sandbox-api";
import { faultBadgeText, faultsOn } from "../../lib/client/fault-badges";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";

/** `modules`: the modules whose faults count (the monolith's box counts all of them). */
export function ServiceFaults({ stack, modules }: { stack: StackId; modules: readonly string[] }) {
  const faults = useStore(
    sandboxStore,
    useShallow((view) => modules.flatMap((module) => faultsOn(view.sandbox?.faults ?? [], stack, module))),
  );
  const [clearing, setClearing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function clear(id: string) {
    setClearing(id);
    setError(null);
    const refused = await askSandbox("removeFault", { params: { id } });
    if (refused) setError(`Could not clear the fault: ${refused}`);
    setClearing(null);
  }

  if (faults.length === 0) return null;
  return (
    <>
      <h3>Faults in force</h3>
      <ul className="service-faults" aria-label="faults in force">
        {faults.map((fault) => (
          <li key={fault.id} data-fault={fault.id}>
            <span className="badge badge-fault">{faultBadgeText(fault)}</span>
            {modules.length > 1 && <span className="muted small"> in {fault.service}</span>}
            {fault.stack === undefined && <span className="muted small"> (both stacks)</span>}{" "}
            <button type="button" onClick={() => void clear(fault.id)} disabled={clearing !== null} aria-busy={clearing === fault.id}>
              {clearing === fault.id ? "clearing…" : "clear"}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="action-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

export const ALL_MODULES: readonly string[] = SHOP_SERVICE_IDS;
