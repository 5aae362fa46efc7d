"use client";
// Kill, stop, start and redeploy buttons for one service: enabled only when its state allows, busy while asked.
import { useState } from "react";
import type { ServiceAction, ServiceView } from "../lib/contract/control";
import { actionAllowed } from "../lib/sandbox/lifecycle";

const ACTIONS: Array<{ action: ServiceAction; label: string; hint: string; progress: string }> = [
  { action: "kill", label: "Kill", hint: "SIGKILL: the process dies at once and stays down", progress: "killing the process" },
  { action: "stop", label: "Stop", hint: "SIGTERM: the process finishes what it is doing and exits", progress: "stopping: it finishes its requests, then exits" },
  { action: "start", label: "Start", hint: "start the same version again", progress: "starting: waiting for it to answer its health check" },
  { action: "redeploy", label: "Redeploy", hint: "replace it with the next version", progress: "redeploying: stopping it, then starting the next version" },
];

export function ServiceActions({ service }: { service: ServiceView }) {
  const [busy, setBusy] = useState<ServiceAction | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: ServiceAction) {
    setBusy(action);
    setError(null);
    try {
      const response = await fetch(`/api/services/${service.id}/${action}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: action === "redeploy" ? JSON.stringify({ strategy: "recreate" }) : "{}",
      });
      if (!response.ok) setError(((await response.json()) as { error?: string }).error ?? `${action} failed`);
    } catch {
      setError("the sandbox did not answer");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="actions" role="group" aria-label={`actions for ${service.id}`}>
      {ACTIONS.map(({ action, label, hint }) => (
        <button
          key={action}
          type="button"
          title={hint}
          data-action={action}
          disabled={!service.managed || busy !== null || !actionAllowed(action, service.status)}
          aria-busy={busy === action}
          onClick={() => void run(action)}
        >
          {busy === action ? `${label}…` : label}
        </button>
      ))}
      {busy && (
        <span className="action-progress" role="status">
          ◌ {ACTIONS.find((candidate) => candidate.action === busy)?.progress}…
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
