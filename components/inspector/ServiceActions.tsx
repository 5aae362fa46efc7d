"use client";
// Kill, stop, start and redeploy buttons for one service, and how a redeploy replaces it (recreate or rolling):
// enabled only when its state allows, busy while asked, the sandbox's refusal in words.
import { useRef, useState } from "react";
import { useStore } from "zustand";
import type { ServiceAction, ServiceView } from "../../lib/contract/control";
import { actionAllowed } from "../../lib/contract/lifecycle";
import { askSandbox } from "../../lib/client/sandbox-api";
import { stillSettling } from "../../lib/client/action-outcome";
import { timeStore } from "../../lib/client/stores/time-travel-store";

type Strategy = "recreate" | "rolling";

const ACTIONS: Array<{ action: ServiceAction; label: string; hint: string; progress: (strategy: Strategy) => string }> = [
  { action: "kill", label: "Kill", hint: "SIGKILL: the process dies at once and stays down", progress: () => "killing the process" },
  { action: "stop", label: "Stop", hint: "SIGTERM: the process finishes what it is doing and exits", progress: () => "stopping: it finishes its requests, then exits" },
  { action: "start", label: "Start", hint: "start the same version again", progress: () => "starting: waiting for it to answer its health check" },
  {
    action: "redeploy",
    label: "Redeploy",
    hint: "replace it with the next version",
    progress: (strategy) =>
      strategy === "rolling"
        ? "rolling redeploy: starting the next version beside the old one; the old one retires once the new one is healthy"
        : "redeploying: stopping it, then starting the next version",
  },
];

const STRATEGIES: Array<{ value: Strategy; label: string; explains: string }> = [
  { value: "recreate", label: "recreate", explains: "stop the old process, then start the new one: down in between" },
  { value: "rolling", label: "rolling", explains: "start the new one beside the old, switch once healthy: no downtime; rolled back if it fails" },
];

export function ServiceActions({ service: shown }: { service: ServiceView }) {
  // While a past moment is shown, the buttons still act on the present: they are enabled by the service as it is now.
  const present = useStore(timeStore, (view) => (view.mode === "live" ? null : (view.recording?.snapshots.at(-1)?.state.services.find((candidate) => candidate.id === shown.id && candidate.stack === shown.stack) ?? null)));
  const service = present ?? shown;
  const [busy, setBusy] = useState<ServiceAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [strategy, setStrategy] = useState<Strategy>("recreate");
  const [done, setDone] = useState<string | null>(null);
  // The buttons are disabled while the sandbox acts: focus goes to the line that tells progress and outcome, not to the page.
  const outcome = useRef<HTMLDivElement>(null);

  async function run(action: ServiceAction) {
    setBusy(action);
    setError(null);
    setDone(null);
    outcome.current?.focus();
    const refused = await askSandbox("serviceAction", { params: { id: service.id, action }, body: action === "redeploy" ? { strategy } : {} });
    if (refused) setError(`${action} refused: ${refused}`);
    else setDone(`${ACTIONS.find((candidate) => candidate.action === action)?.label} done.`);
    setBusy(null);
    outcome.current?.focus();
  }

  // The sandbox answers once the action is done; the box learns it from the next state. Until then it is not said done.
  const settling = done ? stillSettling(service) : null;
  return (
    <>
      {present && (
        <p className="time-present" data-acts-on="present">
          These act on the present: {service.id} is {service.status} now.
        </p>
      )}
      <div className="actions" role="group" aria-label={`actions for ${service.id}`}>
        {ACTIONS.map(({ action, label, hint }) => (
          <button
            key={action}
            type="button"
            title={action === "redeploy" ? `${hint} (${strategy})` : hint}
            data-action={action}
            disabled={!service.managed || busy !== null || !actionAllowed(action, service.status)}
            aria-busy={busy === action}
            onClick={() => void run(action)}
          >
            {busy === action ? `${label}…` : label}
          </button>
        ))}
        <div className="action-outcome" ref={outcome} tabIndex={-1} data-action-outcome={error ? "refused" : busy || settling ? "busy" : done ? "done" : "none"}>
          {busy && (
            <span className="action-progress" role="status">
              ◌ {ACTIONS.find((candidate) => candidate.action === busy)?.progress(strategy)}…
            </span>
          )}
          {error && (
            <span className="action-error" role="alert">
              {error}
            </span>
          )}
          {!busy && !error && done && settling && (
            <span className="action-progress" role="status">
              ◌ finishing: {settling}…
            </span>
          )}
          {!busy && !error && done && !settling && (
            <span className="action-done" role="status">
              {done}
            </span>
          )}
        </div>
      </div>
      {service.kind === "service" && (
        <fieldset className="strategy" disabled={busy !== null}>
          <legend>Redeploy strategy</legend>
          {STRATEGIES.map(({ value, label, explains }) => (
            <label key={value}>
              <input type="radio" name={`strategy-${service.id}`} value={value} checked={strategy === value} onChange={() => setStrategy(value)} />
              <strong>{label}</strong> <span className="muted">— {explains}</span>
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
