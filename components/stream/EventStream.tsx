"use client";
// The live list of calls and queue events. Draws only the rows in view, so hundreds of events a second stay smooth.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import type { NumberedEvent } from "../../lib/contract/events";
import { describeEvent, visibleEvents } from "../../lib/client/event-filter";
import { timeStore } from "../../lib/client/stores/time-travel-store";
import { isGenerated } from "../../lib/client/stream-fold";
import { describeFold, foldedCount, visibleRows, type DisplayRow, type FoldSummary } from "../../lib/client/stream-rows";
import { outcomeOf } from "../../lib/client/outcome";
import { measuringRenderLatency, stampRendered } from "../../lib/client/render-latency";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { traceIdOf } from "../../lib/client/stores/trace-store";
import { select, uiStore } from "../../lib/client/stores/ui-store";
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

const STACK_WORDS: Record<string, string> = { microservices: "microservices", monolith: "monolith" };

const EventRow = memo(function EventRow({ event, top, height, index }: { event: NumberedEvent; top: number; height: number; index: number }) {
  const row = describeEvent(event);
  const traced = traceIdOf(event) !== undefined;
  const generated = isGenerated(event);
  return (
    <div
      className={`stream-row outcome-${outcomeOf(event)}${generated ? " generated" : ""}`}
      style={{ top, height }}
      data-seq={event.seq}
      data-type={event.type}
      data-stack={event.stack}
      data-origin={generated ? "traffic" : "person"}
      role="row"
      aria-rowindex={index}
      // The whole row answers a mouse click; the button in it is the way in for the keyboard.
      onClick={traced ? () => followTrace(event) : undefined}
    >
      <span role="cell" className="cell-time">{time(event.ts)}</span>
      <span role="cell" className={`cell-stack stack-${event.stack}`}>{STACK_WORDS[event.stack]}</span>
      <span role="cell" className="cell-kind">{generated ? `${event.type} (gen.)` : event.type}</span>
      <span role="cell" className="cell-route">{row.route}</span>
      <span role="cell" className="cell-what">
        {traced ? (
          <button
            type="button"
            className="row-trace"
            onClick={(click) => {
              click.stopPropagation();
              followTrace(event);
            }}
            title="follow this trace"
          >
            {row.what}
          </button>
        ) : (
          row.what
        )}
      </span>
      <span role="cell" className="cell-status">{row.status}</span>
      <span role="cell" className="cell-duration">{row.duration}</span>
    </div>
  );
});

const FoldedRow = memo(function FoldedRow({ summary, top, height, index }: { summary: FoldSummary; top: number; height: number; index: number }) {
  const row = describeFold(summary);
  return (
    <div className={`stream-row fold-row${summary.failed > 0 ? " outcome-failure" : ""}`} style={{ top, height }} data-seq={summary.seq} data-type="fold" data-folded={summary.events} role="row" aria-rowindex={index}>
      <span role="cell" className="cell-time">{time(summary.ts)}</span>
      <span role="cell" className="cell-stack">{summary.stacks.map((stack) => STACK_WORDS[stack]).join(" + ")}</span>
      <span role="cell" className="cell-kind">{row.route}</span>
      {/* A fold says more than an event: its words take the from → to column too. */}
      <span role="cell" className="cell-what cell-wide" title={row.what}>
        {row.what}
      </span>
      <span role="cell" className="cell-status">{row.status}</span>
      <span role="cell" className="cell-duration" />
    </div>
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
  const liveItems = useStore(sandboxStore, (view) => view.stream);
  const paused = useStore(uiStore, (view) => view.paused);
  const filter = useStore(uiStore, (view) => view.filter);
  // A past moment on screen shows the stream as it was then, whatever was paused or cleared in the present.
  const away = useStore(timeStore, (view) => view.mode !== "live");
  const clearedAfterSeq = useStore(uiStore, (view) => (away ? -1 : view.clearedAfterSeq));
  const events = paused && !away ? paused.events : live;
  const items = paused && !away ? paused.items : liveItems;
  const rows: DisplayRow[] = useMemo(
    () => (filter.foldGenerated && !filter.only ? visibleRows(items, filter, clearedAfterSeq) : visibleEvents(events, filter, clearedAfterSeq)),
    [events, items, filter, clearedAfterSeq],
  );
  const folded = useMemo(() => foldedCount(rows), [rows]);

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
    const fresh = drawn.filter((row) => row.seq > lastStamped.current);
    if (fresh.length === 0) return;
    lastStamped.current = Math.max(...fresh.map((row) => row.seq));
    stampRendered(fresh.map((row) => row.ts));
  });

  return (
    <section className="event-stream" aria-labelledby="stream-heading">
      <div className="stream-head">
        <h2 id="stream-heading">Event stream</h2>
        <EventStreamControls shown={rows.length} folded={folded} />
      </div>
      <div className="stream-columns" aria-hidden="true">
        <span>time</span>
        <span>stack</span>
        <span>kind</span>
        <span>from → to</span>
        <span>what</span>
        <span>status</span>
        <span>duration</span>
      </div>
      {/* The scrolling rows: focusable, so arrows and Page Up/Down move through them from the keyboard. */}
      <div className="stream-viewport" ref={viewport} role="table" aria-label="events, newest first" aria-rowcount={rows.length} tabIndex={0} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
        {rows.length === 0 ? (
          <div role="row" aria-rowindex={1}>
            <span role="cell" className="muted stream-empty">
              {events.length === 0 ? "No events yet. Calls between services and queue jobs appear here as they happen." : "No event matches the filter."}
            </span>
          </div>
        ) : (
          <div className="stream-rows" style={{ height: rows.length * rowHeight }}>
            {drawn.map((row, i) =>
              row.type === "fold" ? (
                <FoldedRow key={`fold-${row.firstSeq}`} summary={row} top={(first + i) * rowHeight} height={rowHeight} index={first + i + 1} />
              ) : (
                <EventRow key={row.seq} event={row} top={(first + i) * rowHeight} height={rowHeight} index={first + i + 1} />
              ),
            )}
          </div>
        )}
      </div>
    </section>
  );
}
