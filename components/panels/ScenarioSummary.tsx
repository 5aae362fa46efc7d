"use client";
// What the last scenario showed, drawn from what was measured while it ran, and whether everything went back.
import type { ScenarioSummary as Summary } from "../../lib/contract/scenarios";

export function ScenarioSummary({ summary }: { summary: Summary }) {
  return (
    <section className="scenario-summary" data-scenario-summary={summary.id} data-ended-by={summary.endedBy} aria-labelledby="scenario-summary-heading">
      <h3 id="scenario-summary-heading">What “{summary.title}” showed</h3>
      <ul aria-live="polite">
        {summary.lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
      {summary.restoreProblems.length === 0 ? (
        <p className="muted small">Everything it changed was put back.</p>
      ) : (
        <p className="op-error small" role="alert">
          Not everything could be put back: {summary.restoreProblems.join("; ")}
        </p>
      )}
    </section>
  );
}
