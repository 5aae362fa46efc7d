"use client";
// Whether the sandbox starts a service again by itself when it dies on its own (on-failure) or leaves it down (never).
import { useState } from "react";
import type { ServiceView } from "../../lib/contract/control";
import { askSandbox } from "../../lib/client/sandbox-api";

export function RestartPolicyControl({ service }: { service: ServiceView }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFailure = service.restartPolicy === "on-failure";

  async function toggle() {
    setBusy(true);
    setError(null);
    const refused = await askSandbox("serviceAction", { params: { id: service.id, action: "restart-policy" }, body: { restart: onFailure ? "never" : "on-failure" } });
    if (refused) setError(`Restart policy not changed: ${refused}`);
    setBusy(false);
  }

  return (
    <div className="restart-policy">
      <label>
        <input type="checkbox" role="switch" checked={onFailure} aria-checked={onFailure} disabled={busy || !service.managed} onChange={() => void toggle()} />{" "}
        restart on failure
      </label>{" "}
      <span className="muted small" data-restart-policy={service.restartPolicy}>
        {onFailure ? "on-failure: a crash is followed by a new start, with growing pauses (a kill is not)" : "never: a crash leaves it down until you start it"}
      </span>
      {busy && (
        <span className="action-progress" role="status">
          ◌ changing the restart policy…
        </span>
      )}
      {error && (
        <span className="action-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
