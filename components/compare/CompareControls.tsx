"use client";
// What the learner does on the Compare screen to produce the numbers: the same traffic on both, a redeploy, a kill.
import { useRef, useState } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { ServiceRouteAction, TrafficView } from "../../lib/contract/control";
import type { ControlBody } from "../../lib/contract/control-api";
import { askSandbox } from "../../lib/client/sandbox-api";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { ActionError } from "../shared/ActionError";

/** Enough to give both stacks steady figures, light enough for a 2-core laptop running both. */
const COMPARE_RPS = 50;
/** Long enough for a redeploy and a kill with figures before and after; then it stops by itself. */
const COMPARE_TRAFFIC_S = 90;

const serviceAction = (id: string, action: ServiceRouteAction, body: ControlBody<"serviceAction">) => askSandbox("serviceAction", { params: { id, action }, body });

interface Props {
  traffic: TrafficView | null;
  bothRun: boolean;
  onChange(): void;
}

export function CompareControls({ traffic, bothRun, onChange }: Props) {
  const status = useStore(
    sandboxStore,
    useShallow((view) => {
      const of = (id: string) => view.sandbox?.services.find((service) => service.id === id)?.status ?? null;
      return { payment: of("payment-service"), monolith: of("monolith") };
    }),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controls = useRef<HTMLDivElement>(null);

  async function act(label: string, ask: () => Promise<string | null>, group: string) {
    setBusy(label);
    setError(null);
    const refused = await ask();
    setBusy(null);
    if (refused) setError(refused);
    onChange();
    // The button pressed may have been replaced (Kill → Start again): keep the keyboard in the same group.
    requestAnimationFrame(() => controls.current?.querySelector<HTMLButtonElement>(`[aria-label="${group}"] button:not(:disabled)`)?.focus());
  }

  const button = (label: string, enabled: boolean, run: () => Promise<void>, tone = "") => (
    <button type="button" className={`op-button ${tone}`} disabled={busy !== null || !enabled} aria-busy={busy === label} onClick={() => void run()}>
      {busy === label ? `${label}…` : label}
    </button>
  );
  const down = (value: string | null) => value === "stopped" || value === "crashed";
  const up = (value: string | null) => value === "healthy" || value === "unhealthy";

  return (
    <div className="compare-controls" ref={controls}>
      <div className="op-row" role="group" aria-label="Traffic on both stacks">
        {traffic?.running
          ? button("Stop traffic", true, () => act("Stop traffic", () => askSandbox("stopTraffic"), "Traffic on both stacks"))
          : button(`Start traffic (${COMPARE_RPS}/s on each, ${COMPARE_TRAFFIC_S} s)`, bothRun, () => act("Start traffic", () => askSandbox("startTraffic", { body: { rps: COMPARE_RPS, durationS: COMPARE_TRAFFIC_S } }), "Traffic on both stacks"), "primary")}
        <span className="muted small" role="status">
          {traffic?.running ? `● ${traffic.summary}${traffic.endsAt ? `, stops in ${Math.max(0, Math.ceil((traffic.endsAt - Date.now()) / 1000))} s` : ""}` : "no traffic"}
        </span>
      </div>
      {!traffic?.running && traffic?.result && <p className="muted small compare-traffic-result">Last run — {traffic.result}</p>}
      <div className="op-row" role="group" aria-label="Redeploy">
        {button("Redeploy the monolith", up(status.monolith), () => act("Redeploy the monolith", () => serviceAction("monolith", "redeploy", { strategy: "recreate" }), "Redeploy"))}
        {button("Redeploy payment-service", up(status.payment), () => act("Redeploy payment-service", () => serviceAction("payment-service", "redeploy", { strategy: "recreate" }), "Redeploy"))}
      </div>
      <div className="op-row" role="group" aria-label="Failure">
        {down(status.payment)
          ? button("Start payment-service again", true, () => act("Start payment-service again", () => serviceAction("payment-service", "start", {}), "Failure"))
          : button("Kill payment-service", up(status.payment), () => act("Kill payment-service", () => serviceAction("payment-service", "kill", {}), "Failure"), "danger")}
        {down(status.monolith)
          ? button("Start the monolith again", true, () => act("Start the monolith again", () => serviceAction("monolith", "start", {}), "Failure"))
          : button("Kill the monolith", up(status.monolith), () => act("Kill the monolith", () => serviceAction("monolith", "kill", {}), "Failure"), "danger")}
      </div>
      {busy && (
        <p className="op-progress small" role="status">
          ◌ {busy}…
        </p>
      )}
      <ActionError error={error} />
    </div>
  );
}
