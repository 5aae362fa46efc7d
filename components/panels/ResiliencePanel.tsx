"use client";
// Resilience patterns on every call between services, switchable, each with what the learner should see change.
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { DEFAULT_RESILIENCE, type Resilience } from "../../lib/contract/resilience";
import { callControl } from "../../lib/client/sandbox-api";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { ActionError } from "../shared/ActionError";

export function ResiliencePanel() {
  const current = useStore(sandboxStore, (view) => view.sandbox?.resilience ?? null);
  const [timeoutText, setTimeoutText] = useState(String(DEFAULT_RESILIENCE.timeoutMs));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (current) setTimeoutText(String(current.timeoutMs));
  }, [current?.timeoutMs]); // eslint-disable-line react-hooks/exhaustive-deps

  async function change(patch: Partial<Resilience>) {
    setBusy(true);
    setError(null);
    const result = await callControl("setResilience", { body: patch });
    if (!result.ok) setError(result.error);
    setBusy(false);
  }

  function commitTimeout() {
    const ms = Number(timeoutText);
    if (!Number.isInteger(ms) || ms < 50 || ms > 10_000) {
      setError("the timeout is whole milliseconds from 50 to 10000");
      return;
    }
    if (ms !== current?.timeoutMs) void change({ timeoutMs: ms });
  }

  const settings = current ?? DEFAULT_RESILIENCE;
  return (
    <section className="op-section resilience" aria-labelledby="resilience-heading">
      <h2 id="resilience-heading">Resilience</h2>
      <p className="muted small">How services treat a call to another that is slow or failing. Turn one on, break something, compare. These act on calls between microservices; inside the monolith a call is a function call, with nothing to time out or retry.</p>
      <fieldset className="op-fieldset" disabled={!current || busy}>
        <legend className="visually-hidden">Resilience settings</legend>
        <div className="setting">
          <label className="check">
            <input type="checkbox" checked={settings.timeouts} onChange={(event) => void change({ timeouts: event.target.checked })} />
            Timeouts
          </label>
          <label className="inline" data-control="timeout">
            after
            <input
              type="number"
              min={50}
              max={10_000}
              step={50}
              value={timeoutText}
              disabled={!settings.timeouts}
              onChange={(event) => setTimeoutText(event.target.value)}
              onBlur={commitTimeout}
              onKeyDown={(event) => event.key === "Enter" && commitTimeout()}
              aria-label="timeout in milliseconds"
            />
            ms
          </label>
          <p className="muted small">A caller gives up on a slow service after this long: a fast error instead of a hang. Off: it waits up to 10 s.</p>
        </div>
        <div className="setting">
          <label className="inline" data-control="retries">
            Retries
            <select value={settings.retries} onChange={(event) => void change({ retries: Number(event.target.value) })}>
              {[0, 1, 2, 3, 4, 5].map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small">A failed read (GET) is tried again with growing pauses: fewer errors under a flaky service, more calls on the graph.</p>
        </div>
        <div className="setting">
          <label className="check" data-control="circuit-breaker">
            <input type="checkbox" checked={settings.circuitBreaker} onChange={(event) => void change({ circuitBreaker: event.target.checked })} />
            Circuit breaker
          </label>
          <p className="muted small">After five failures in a row, calls to that service fail at once instead of waiting; one trial call every 5 s.</p>
        </div>
        <div className="setting">
          <label className="check" data-control="readiness">
            <input type="checkbox" checked={settings.readinessChecks} onChange={(event) => void change({ readinessChecks: event.target.checked })} />
            Readiness checks
          </label>
          <p className="muted small">The sandbox asks each process every second whether it can serve (GET /ready, which faults reach), not only whether it answers (GET /health). One that cannot is marked unhealthy and gets no calls until it can.</p>
        </div>
      </fieldset>
      <ActionError error={error} />
    </section>
  );
}
