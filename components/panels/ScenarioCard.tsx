"use client";
// One scenario in the list: what it sets up, how long it runs, what to watch, the architecture it needs, and Start.
import type { Scenario } from "../../lib/contract/scenarios";

interface Props {
  scenario: Scenario;
  playing: boolean;
  disabled: boolean;
  starting: boolean;
  onStart(): void;
}

export function ScenarioCard({ scenario, playing, disabled, starting, onStart }: Props) {
  return (
    <li className={`scenario-card${playing ? " playing" : ""}`} data-scenario={scenario.id} aria-current={playing ? "true" : undefined}>
      <div className="scenario-head">
        <h3>{scenario.title}</h3>
        <button type="button" className="op-button primary" disabled={disabled || playing} aria-busy={starting} onClick={onStart} aria-label={`Start ${scenario.title}`}>
          {playing ? "▶ Playing" : starting ? "Starting…" : "Start"}
        </button>
      </div>
      <p className="small">
        <span className="label">Sets up:</span> {scenario.setup}
      </p>
      <details className="small">
        <summary>What to watch</summary>
        <p>{scenario.watch}</p>
      </details>
      <p className="muted small" data-scenario-duration={scenario.durationS}>
        Runs {scenario.durationS} s, then stops by itself and puts everything back · on {scenario.architecture === "both" ? "both stacks" : scenario.architecture} (switched to if needed)
      </p>
    </li>
  );
}
