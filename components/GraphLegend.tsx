// What the colours, symbols and dots of the graph mean, for someone seeing it for the first time.
export function GraphLegend() {
  return (
    <details className="legend" open>
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
          REST call{" "}
          <svg width="28" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="28" y2="4" className="legend-queue" />
          </svg>{" "}
          queue path · thicker, badge: per second
        </li>
        <li>
          dots: <span className="legend-dot dot-success" aria-hidden="true" /> answered <span className="legend-dot dot-refused" aria-hidden="true" /> refused (4xx){" "}
          <span className="legend-dot dot-failure legend-diamond" aria-hidden="true" /> failed <span className="legend-dot dot-message" aria-hidden="true" /> message
        </li>
        <li className="muted">Click a box to inspect it, an event to follow its trace.</li>
      </ul>
    </details>
  );
}
