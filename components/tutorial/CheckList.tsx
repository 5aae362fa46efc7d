"use client";
// The active step's checks, each ticked by the server when the sandbox shows it, with what is still missing.
import type { CheckItemView } from "../../lib/contract/lessons";

export function CheckList({ checks }: { checks: CheckItemView[] }) {
  if (checks.length === 0) return <p className="muted">Checking…</p>;
  return (
    <ul className="lesson-checks" aria-label="checks">
      {checks.map((check) => (
        <li key={check.label} data-met={check.met}>
          <span aria-hidden="true" className="lesson-tick">{check.met ? "✓" : "○"}</span>
          <span>
            {check.label}
            <span className="visually-hidden">{check.met ? ": done" : ": not yet"}</span>
            {!check.met && check.missing && <span className="lesson-missing"> — {check.missing}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
