"use client";
// How many instances of a service run (1–5): a number field and a button, with the sandbox's progress and refusal.
// For the monolith each instance is a whole copy of the shop.
import { useEffect, useState, type FormEvent } from "react";
import { MAX_REPLICAS, type ServiceView } from "../../lib/contract/control";
import { actionAllowed } from "../../lib/contract/lifecycle";
import { askSandbox } from "../../lib/client/sandbox-api";
import { scaleHint } from "../../lib/client/scale-hint";

export function ScaleControl({ service }: { service: ServiceView }) {
  const [wanted, setWanted] = useState(service.replicas);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Follow a change made elsewhere (another tab, a scenario) unless the person is editing.
  useEffect(() => {
    if (!busy) setWanted(service.replicas);
  }, [service.replicas, busy]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const refused = await askSandbox("serviceAction", { params: { id: service.id, action: "scale" }, body: { replicas: wanted } });
    if (refused) setError(`Scaling refused: ${refused}`);
    setBusy(false);
  }

  const allowed = service.managed && actionAllowed("scale", service.status);
  return (
    <form className="scale" onSubmit={(event) => void submit(event)} aria-label={`scale ${service.id}`}>
      <label>
        instances{" "}
        <input
          type="number"
          min={1}
          max={MAX_REPLICAS}
          step={1}
          value={wanted}
          onChange={(event) => setWanted(Math.max(1, Math.min(MAX_REPLICAS, Math.round(Number(event.target.value) || 1))))}
          disabled={busy || !allowed}
        />
      </label>
      <button type="submit" data-action="scale" disabled={busy || !allowed || wanted === service.replicas} aria-busy={busy}>
        {busy ? "Scaling…" : "Scale"}
      </button>
      <span className="muted small">{scaleHint(service.id)}</span>
      {busy && (
        <span className="action-progress" role="status">
          ◌ scaling to {wanted}: {wanted > service.replicas ? "starting instances and waiting for their health checks" : "retiring instances once their requests finish"}…
        </span>
      )}
      {error && (
        <span className="action-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
