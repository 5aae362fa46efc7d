"use client";
// The end of a lesson: what this run proved, in numbers measured now, copyable as text.
import { useState } from "react";

export function ResultCard({ title, proves, lines, verdicts }: { title: string; proves: string; lines: string[]; verdicts: Array<boolean | null> }) {
  const answered = verdicts.filter((verdict) => verdict !== null);
  const [copied, setCopied] = useState<string | null>(null);
  const text = [`${title} — what this run proved`, proves, ...lines.map((line) => `• ${line}`)].join("\n");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("Copied.");
    } catch {
      setCopied("Copy is not allowed here: select the text above instead.");
    }
  };
  return (
    <section className="lesson-result" aria-labelledby="lesson-result-title" data-result-card>
      <h3 id="lesson-result-title">What this run proved</h3>
      <p>{proves}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {verdicts.length > 0 && (
        <p data-verdicts>
          Your predictions: {answered.length === 0 ? "all skipped" : `${answered.filter(Boolean).length} of ${answered.length} right`}
          {answered.length < verdicts.length && answered.length > 0 ? ` (${verdicts.length - answered.length} skipped)` : ""}.
        </p>
      )}
      <button type="button" onClick={() => void copy()}>Copy as text</button>
      <span role="status">{copied}</span>
    </section>
  );
}
