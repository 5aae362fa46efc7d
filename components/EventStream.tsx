"use client";
// The live list of calls and queue events. Draws only the rows in view, so hundreds of events a second stay smooth.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import type { NumberedEvent } from "../lib/contract/events";
import { describeEvent, visibleEvents } from "../lib/client/event-filter";
import { outcomeOf } from "../lib/client/outcome";
import { measuringRenderLatency, stampRendered } from "../lib/client/render-latency";
import { sandboxStore } from "../lib/client/store";
import { traceIdOf } from "../lib/client/traces";
import { select, uiStore } from "../lib/client/ui-store";
import { EventStreamControls } from "./EventStreamControls";

/** Rows drawn beyond the visible ones, so a quick scroll does not show gaps. */
const OVERSCAN = 6;

const time = (ts: number) => {
  const date = new Date(ts);
  return `${date.toLocaleTimeString([], { hour12: false })}.${String(date.getMilliseconds()).padStart(3, "0")}`;
};

function followTrace(event: NumberedEvent) {
  const traceId = traceIdOf(event);
  if (!traceId) return;
  const row = describeEvent(event);
  uiStore.setState((view) => select(view, { kind: "trace", traceId, title: `${row.route} ${row.what}` }), true);
}

const EventRow = memo(function EventRow({ event, top, height }: { event: NumberedEvent; top: number; height: number }) {
  const row = describeEvent(event);
  const traced = traceIdOf(event) !== undefined;
  const cells = (
    <>
      <span className="cell-time">{time(event.ts)}</span>
      <span className="cell-kind">{event.type}</span>
      <span className="cell-route">{row.route}</span>
      <span className="cell-what">{row.what}</span>
      <span className="cell-status">{row.status}</span>
      <span className="cell-duration">{row.duration}</span>
    </>
  );
  const props = { className: `stream-row outcome-${outcomeOf(event)}`, style: { top, height }, "data-seq": event.seq, "data-type": event.type, role: "row" };
  return traced ? (
    <button type="button" {...props} onClick={() => followTrace(event)} title="follow this trace">
      {cells}
    </button>
  ) : (
    <div {...props}>{cells}</div>
  );
});

function useRowHeight(): number {
  const [height, setHeight] = useState(24);
  useEffect(() => {
    setHeight(Math.round(1.55 * parseFloat(getComputedStyle(document.documentElement).fontSize)));
  }, []);
  return height;
}

export function EventStream() {
  const live = useStore(sandboxStore, (view) => view.events);
  const paused = useStore(uiStore, (view) => view.paused);
  const filter = useStore(uiStore, (view) => view.filter);
  const clearedAfterSeq = useStore(uiStore, (view) => view.clearedAfterSeq);
  const events = paused ? paused.events : live;
  const rows = useMemo(() => visibleEvents(events, filter, clearedAfterSeq), [events, filter, clearedAfterSeq]);

  const rowHeight = useRowHeight();
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(300);
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewportHeight) / rowHeight) + OVERSCAN);
  const drawn = rows.slice(first, last);

  // For the browser benchmark: when did each newly drawn row reach the screen.
  const lastStamped = useRef(-1);
  useLayoutEffect(() => {
    if (!measuringRenderLatency()) return;
    const fresh = drawn.filter((event) => event.seq > lastStamped.current);
    if (fresh.length === 0) return;
    lastStamped.current = Math.max(...fresh.map((event) => event.seq));
    stampRendered(fresh.map((event) => event.ts));
  });

  return (
    <section className="event-stream" aria-labelledby="stream-heading">
      <div className="stream-head">
        <h2 id="stream-heading">Event stream</h2>
        <EventStreamControls shown={rows.length} />
      </div>
      <div className="stream-columns" aria-hidden="true">
        <span>time</span>
        <span>kind</span>
        <span>from → to</span>
        <span>what</span>
        <span>status</span>
        <span>duration</span>
      </div>
      <div
        className="stream-viewport"
        ref={viewport}
        role="table"
        aria-label="events, newest first"
        aria-rowcount={rows.length}
        tabIndex={0}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        {rows.length === 0 ? (
          <p className="muted stream-empty">
            {events.length === 0 ? "No events yet. Calls between services and queue jobs appear here as they happen." : "No event matches the filter."}
          </p>
        ) : (
          <div className="stream-rows" style={{ height: rows.length * rowHeight }}>
            {drawn.map((event, i) => (
              <EventRow key={event.seq} event={event} top={(first + i) * rowHeight} height={rowHeight} />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
