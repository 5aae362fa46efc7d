"use client";
// Which architecture runs: Microservices, Monolith or Both, as one labelled group of radio buttons (arrow keys move
// between them), with the switch's progress while the sandbox stops and starts processes, and its error in words.
import { useState } from "react";
import { useStore } from "zustand";
import type { Architecture } from "../lib/contract/services";
import { askSandbox } from "../lib/client/control-api";
import { sandboxStore } from "../lib/client/store";

const CHOICES: Array<{ value: Architecture; label: string; hint: string }> = [
  { value: "microservices", label: "Microservices", hint: "seven services and redis, each its own process" },
  { value: "monolith", label: "Monolith", hint: "the same modules in one process" },
  { value: "both", label: "Both", hint: "both stacks side by side, each with its own data" },
];

export function ArchitectureSwitch() {
  const current = useStore(sandboxStore, (view) => view.sandbox?.architecture ?? null);
  const transition = useStore(sandboxStore, (view) => view.sandbox?.transition ?? null);
  const [asked, setAsked] = useState<Architecture | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = asked !== null;

  async function choose(architecture: Architecture) {
    if (architecture === current || busy) return;
    setAsked(architecture);
    setError(null);
    const refused = await askSandbox("POST", "/api/sandbox/architecture", { architecture });
    setAsked(null);
    if (refused) setError(`Could not switch to ${architecture}: ${refused}`);
  }

  return (
    <div className="architecture-switch">
      <fieldset className="segmented" disabled={current === null} aria-busy={busy || transition !== null} data-architecture={current ?? "unknown"}>
        <legend>Architecture</legend>
        {CHOICES.map(({ value, label, hint }) => (
          <label key={value} title={hint} className={(asked ?? current) === value ? "chosen" : undefined}>
            <input
              type="radio"
              name="architecture"
              value={value}
              checked={(asked ?? current) === value}
              onChange={() => void choose(value)}
              disabled={busy && asked !== value}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <span className="switch-progress" role="status" aria-live="polite">
        {/* The sandbox's own words (state.transition) show beside the switch once it reports them. */}
        {busy && !transition ? `◌ asking to switch to ${asked}…` : ""}
      </span>
      {error && (
        <span className="switch-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
