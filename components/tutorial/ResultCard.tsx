"use client";
// The end of a lesson: what this run proved, in numbers measured now, copyable as text.
import { useState } from "react";

export function ResultCard({ title, proves, lines }: { title: string; proves: string; lines: string[] }) {
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
      <button type="button" onClick={() => void copy()}>Copy as text</button>
      <span role="status">{copied}</span>
    </section>
  );
}
