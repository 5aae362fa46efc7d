"use client";
// Reset the whole sandbox, after saying what it wipes and asking once more.
import { useState } from "react";
import { callControl } from "../../lib/client/sandbox-api";
import { ActionError } from "../shared/ActionError";

export function ResetSandboxButton({ onReset }: { onReset?: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function reset() {
    setBusy(true);
    setError(null);
    const result = await callControl("reset", { body: {} });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) setError(result.error);
    else onReset?.();
  }

  return (
    <div className="reset-sandbox">
      {!confirming ? (
        <button type="button" className="op-button" onClick={() => setConfirming(true)} disabled={busy}>
          Reset sandbox…
        </button>
      ) : (
        <div role="group" aria-label="Confirm the reset" className="confirm">
          <p className="small">
            Every service back to v1, every order, account and queue cleared, every fault off. <strong>Reset?</strong>
          </p>
          <div className="op-row">
            <button type="button" className="op-button danger" onClick={() => void reset()} disabled={busy} aria-busy={busy} autoFocus>
              {busy ? "Resetting…" : "Yes, reset everything"}
            </button>
            <button type="button" className="op-button" onClick={() => setConfirming(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ActionError error={error} />
    </div>
  );
}
