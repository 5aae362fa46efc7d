// What the colours, symbols, badges and dots of the graph mean, for someone seeing it for the first time.
"use client";
import { useEffect, useRef } from "react";
import { useStore } from "zustand";
import type { Architecture } from "../../lib/contract/services";
import { timeStore } from "../../lib/client/stores/time-travel-store";

export function GraphLegend({ architecture }: { architecture: Architecture | null }) {
  const monolith = architecture === "monolith" || architecture === "both";
  const microservices = architecture !== "monolith";
  // Rewound, the timeline under the graph is taller: the legend folds to give the graph that room, and opens again
  // on the way back to live if it was open (a learner can still open it meanwhile).
  const away = useStore(timeStore, (view) => view.mode !== "live");
  const legend = useRef<HTMLDetailsElement>(null);
  const folded = useRef(false);
  useEffect(() => {
    const element = legend.current;
    if (!element) return;
    if (away && element.open) {
      element.open = false;
      folded.current = true;
    } else if (!away && folded.current) {
      element.open = true;
      folded.current = false;
    }
  }, [away]);
  return (
    <details className="legend" open ref={legend}>
      <summary>Legend</summary>
      <ul>
        <li>
          <span className="status tone-ok">● healthy</span> <span className="status tone-busy">◌ starting</span>{" "}
          <span className="status tone-warn">▲ unhealthy</span> <span className="status tone-down">■ stopped</span>{" "}
          <span className="status tone-bad">✕ crashed</span>
        </li>
        <li>
          <svg width="28" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="28" y2="4" className="legend-rest" />
          </svg>{" "}
          REST call (HTTP){" "}
          <svg width="28" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="28" y2="4" className="legend-queue" />
          </svg>{" "}
          queue path · thicker: more per second (written on REST arrows and in each queue)
        </li>
        {monolith && (
          <li data-legend="in-process">
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="28" y2="4" className="legend-inproc" />
            </svg>{" "}
            in-process call <span className="legend-ring" aria-hidden="true" /> (a function call: no network). The big box is <strong>one process</strong>:
            its modules are up or down together.
          </li>
        )}
        <li>
          dots: <span className="legend-dot dot-success" aria-hidden="true" /> answered <span className="legend-dot dot-refused" aria-hidden="true" /> refused (4xx){" "}
          <span className="legend-dot dot-failure legend-diamond" aria-hidden="true" /> failed <span className="legend-dot dot-message" aria-hidden="true" /> message
        </li>
        <li>
          badges: <span className="badge badge-fault">⚡ fault</span> injected · <span className="badge badge-deploy">↩ rolled back</span> · a stack of cards: scaled,
          a pid per instance (×3 = 210 MB)
        </li>
        {microservices && (
          <li>
            arrows: <span className="edge-badge edge-circuit circuit-open">⊘ circuit open</span>{" "}
            <span className="edge-badge edge-circuit circuit-half-open">◐ half-open</span> <span className="edge-badge edge-partition">✂ partition</span>
          </li>
        )}
        <li className="muted">Click a box to inspect it, an event to follow its trace.</li>
      </ul>
    </details>
  );
}
