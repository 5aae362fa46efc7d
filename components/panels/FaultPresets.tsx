"use client";
// One-click faults: the classics a teacher reaches for in front of a class.
import { useState } from "react";
import { callControl } from "../../lib/client/sandbox-api";
import { FAULT_PRESETS } from "../../lib/client/fault-form";
import type { FaultBody } from "../../lib/contract/faults";
import { ActionError } from "../shared/ActionError";

export function FaultPresets() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function inject(label: string, body: FaultBody) {
    setBusy(label);
    setError(null);
    const result = await callControl("addFault", { body });
    if (!result.ok) setError(result.error);
    setBusy(null);
  }

  return (
    <div className="fault-presets" role="group" aria-label="One-click faults">
      <h3>One click</h3>
      <div className="op-chips">
        {FAULT_PRESETS.map(({ label, body }) => (
          <button key={label} type="button" className="op-button chip" disabled={busy !== null} aria-busy={busy === label} onClick={() => void inject(label, body)}>
            {label}
          </button>
        ))}
      </div>
      <ActionError error={error} />
    </div>
  );
}
