"use client";
// The latest telemetry events, newest first, each on one line a person can read.
import { useStore } from "zustand";
import type { NumberedEvent } from "../lib/contract/events";
import { sandboxStore } from "../lib/client/store";

/** Rows drawn at once; the store keeps more, but a plain list of more rows gets slow. */
const SHOWN = 60;

export function describeEvent(event: NumberedEvent): string {
  switch (event.type) {
    case "http":
      return `${event.from} → ${event.to}  ${event.method} ${event.path}  ${event.status || "no answer"}  ${event.durationMs.toFixed(1)} ms`;
    case "queue":
      return `${event.queue}: ${event.job} ${event.state}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ""} by ${event.service}`;
    case "lifecycle":
      return `${event.service} v${event.version}: ${event.from} → ${event.to} (${event.reason})`;
    case "log":
      return `${event.service}: ${event.line}`;
    case "circuit":
      return `${event.from} → ${event.to}: circuit ${event.state} (${event.reason})`;
  }
}

const failed = (event: NumberedEvent) =>
  (event.type === "http" && (event.status === 0 || event.status >= 500)) ||
  (event.type === "queue" && event.state === "failed") ||
  (event.type === "log" && event.level === "error") ||
  (event.type === "lifecycle" && event.to === "crashed");

export function EventList() {
  const events = useStore(sandboxStore, (view) => view.events);
  const shown = events.slice(-SHOWN).reverse();
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">Latest events</h2>
      {shown.length === 0 ? (
        <p>No events yet. Calls between services and queue jobs appear here as they happen.</p>
      ) : (
        <ol className="events">
          {shown.map((event) => (
            <li key={event.seq} data-type={event.type} className={failed(event) ? "event failed" : "event"}>
              <time dateTime={new Date(event.ts).toISOString()}>{new Date(event.ts).toLocaleTimeString()}</time>
              <span className="kind">{event.type}</span>
              <span>{describeEvent(event)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
