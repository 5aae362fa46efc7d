"use client";
// Generated traffic: a steady mix of shoppers against the running stack(s), with its own live counts.
import { useCallback, useState, type FormEvent } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { DEFAULT_TRAFFIC_S, type TrafficBody, type TrafficView } from "../../lib/contract/control";
import { callControl } from "../../lib/client/sandbox-api";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { usePolling } from "../../lib/client/use-polling";
import { TrafficFigures } from "./TrafficFigures";
import { ActionError } from "../shared/ActionError";

/** Counts move every second while traffic runs; when idle, a slow look notices traffic a scenario started. */
const RUNNING_POLL_MS = 1_000;
const IDLE_POLL_MS = 5_000;

export function TrafficPanel({ active }: { active: boolean }) {
  const runningStacks = useStore(
    sandboxStore,
    useShallow((view) => (view.sandbox?.stacks ?? []).filter((stack) => stack.status !== "stopped").map((stack) => stack.id)),
  );
  const [traffic, setTraffic] = useState<TrafficView | null>(null);
  const [rps, setRps] = useState(20);
  const [stack, setStack] = useState<"" | "microservices" | "monolith">("");
  const [forSeconds, setForSeconds] = useState(String(DEFAULT_TRAFFIC_S));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await callControl("traffic");
    if (result.ok) setTraffic(result.data.traffic);
  }, []);
  usePolling(refresh, traffic?.running ? RUNNING_POLL_MS : IDLE_POLL_MS, active);

  /** Starts traffic as `body` says, or stops it when there is none. */
  async function send(body?: TrafficBody) {
    setBusy(true);
    setError(null);
    const result = await (body ? callControl("startTraffic", { body }) : callControl("stopTraffic"));
    setBusy(false);
    if (result.ok) setTraffic(result.data.traffic);
    else setError(result.error);
  }

  function start(event: FormEvent) {
    event.preventDefault();
    const seconds = Number(forSeconds);
    // Traffic always stops by itself: a forgotten run would keep a laptop busy and blur the next experiment.
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3_600) {
      setError("the duration is whole seconds from 1 to 3600");
      return;
    }
    const body: TrafficBody = { rps: Math.min(500, Math.max(1, Math.round(rps))), durationS: seconds };
    if (stack) body.stack = stack;
    void send(body);
  }

  return (
    <section className="op-section" aria-labelledby="traffic-heading">
      <h2 id="traffic-heading">Traffic</h2>
      <p className="muted small">
        A steady mix of simulated shoppers, sent by the sandbox: mostly browsing, some orders, a few logins. Real requests to the storefront, so they move on the graph.
      </p>
      <form className="op-form" aria-label="Traffic settings" onSubmit={start}>
        <label>
          <span>requests/s</span>
          <input type="number" min={1} max={500} step={1} value={rps} onChange={(event) => setRps(Number(event.target.value))} aria-label="requests per second" />
        </label>
        <input type="range" min={1} max={500} step={1} value={rps} onChange={(event) => setRps(Number(event.target.value))} aria-label="requests per second (slider)" className="op-slider" />
        <label>
          <span>to</span>
          <select value={stack} onChange={(event) => setStack(event.target.value as typeof stack)}>
            <option value="">{runningStacks.length > 1 ? "each running stack" : "the running stack"}</option>
            {(["microservices", "monolith"] as const).map((id) => (
              <option key={id} value={id} disabled={!runningStacks.includes(id)}>
                {id}
                {runningStacks.includes(id) ? "" : " (not running)"}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>for (s)</span>
          <input type="number" min={1} max={3_600} step={1} value={forSeconds} onChange={(event) => setForSeconds(event.target.value)} aria-label="duration in seconds (it stops by itself)" />
        </label>
        <div className="op-row">
          <button type="submit" className="op-button primary" data-control="start-traffic" disabled={busy}>
            {traffic?.running ? "Change traffic" : "Start traffic"}
          </button>
          <button type="button" className="op-button" disabled={busy || !traffic?.running} onClick={() => void send()}>
            Stop traffic
          </button>
        </div>
      </form>
      <ActionError error={error} />
      {traffic && <TrafficFigures traffic={traffic} />}
      {traffic && !traffic.running && traffic.result && (
        <p className="muted small" data-traffic-result>
          Last run — {traffic.result}
        </p>
      )}
    </section>
  );
}
