"use client";
// Which architecture runs: Microservices, Monolith or Both, as one labelled group of toggle buttons, with the switch's
// progress while the sandbox stops and starts processes, and its error in words. Switching stops and starts processes,
// so it happens only on a deliberate choice (click, Enter, Space): arrow keys move focus between the choices, nothing more.
import { useRef, useState, type KeyboardEvent } from "react";
import { useStore } from "zustand";
import type { Architecture } from "../../lib/contract/services";
import { askSandbox } from "../../lib/client/sandbox-api";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";

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
    const refused = await askSandbox("setArchitecture", { body: { architecture } });
    setAsked(null);
    if (refused) setError(`Could not switch to ${architecture}: ${refused}`);
  }

  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const shown = asked ?? current;
  // Roving focus: one Tab stop for the group (the chosen one), arrows and Home/End move along it.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const tabStop = focusIndex ?? Math.max(0, CHOICES.findIndex(({ value }) => value === shown));
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, (i: number) => number> = {
      ArrowRight: (i) => (i + 1) % CHOICES.length,
      ArrowDown: (i) => (i + 1) % CHOICES.length,
      ArrowLeft: (i) => (i + CHOICES.length - 1) % CHOICES.length,
      ArrowUp: (i) => (i + CHOICES.length - 1) % CHOICES.length,
      Home: () => 0,
      End: () => CHOICES.length - 1,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(tabStop);
    setFocusIndex(next);
    buttons.current[next]?.focus();
  }

  return (
    <div className="architecture-switch">
      <div
        className="segmented"
        role="group"
        aria-labelledby="architecture-legend"
        aria-busy={busy || transition !== null}
        data-architecture={current ?? "unknown"}
        onKeyDown={onKeyDown}
      >
        <span className="switch-legend" id="architecture-legend">
          Architecture
        </span>
        {CHOICES.map(({ value, label, hint }, i) => (
          <button
            key={value}
            ref={(element) => {
              buttons.current[i] = element;
            }}
            type="button"
            title={hint}
            className={shown === value ? "chosen" : undefined}
            aria-pressed={shown === value}
            tabIndex={i === tabStop ? 0 : -1}
            disabled={current === null || (busy && asked !== value)}
            onFocus={() => setFocusIndex(i)}
            onClick={() => void choose(value)}
          >
            {label}
          </button>
        ))}
      </div>
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
