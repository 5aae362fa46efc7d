"use client";
// The scenario playing now: how long it has run of its stated time, its key live figure, what it has done so far,
// what to watch, and Stop.
import { useEffect, useState } from "react";

interface Props {
  title: string;
  watch: string;
  startedAt: number;
  endsAt: number;
  figure: string | null;
  steps: string[];
  stopping: boolean;
  onStop(): void;
}

export function ScenarioProgress({ title, watch, startedAt, endsAt, figure, steps, stopping, onStop }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const total = Math.round((endsAt - startedAt) / 1_000);
  const seconds = Math.min(total, Math.max(0, Math.round((now - startedAt) / 1_000)));
  return (
    <div className="scenario-progress" data-active-scenario={title}>
      <div className="scenario-head">
        <h3>
          ▶ {title}{" "}
          <span className="muted small">
            · {seconds} s of {total} s
          </span>
        </h3>
        <button type="button" className="op-button danger" onClick={onStop} disabled={stopping} aria-busy={stopping}>
          {stopping ? "Stopping…" : "Stop scenario"}
        </button>
      </div>
      <p className="scenario-figure" data-scenario-figure aria-label="Key figure now">
        {figure ?? "measuring…"}
      </p>
      <p className="muted small">It stops by itself at the end, or now with Stop scenario; either way everything it changed is put back.</p>
      <ol className="scenario-steps" aria-live="polite" aria-label="What the scenario has done">
        {steps.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
        {steps.length === 0 && <li className="muted">setting up…</li>}
      </ol>
      {watch && (
        <p className="small">
          <span className="label">Watch:</span> {watch}
        </p>
      )}
    </div>
  );
}
