"use client";
// The event stream's filters (service, kind, errors only), pause/resume and clear, and what is not shown.
import { useStore } from "zustand";
import { BROKER_ID, SHOP_SERVICE_IDS, queueTopology } from "../../lib/contract/services";
import { EVENT_KINDS, type StreamFilter } from "../../lib/client/event-filter";
import { closeStreamFold, sandboxStore } from "../../lib/client/stores/sandbox-store";
import { clearStream, pauseStream, resumeStream, setFilter, uiStore, unseenWhilePaused } from "../../lib/client/stores/ui-store";

const SUBJECTS = ["client", ...SHOP_SERVICE_IDS, BROKER_ID, ...queueTopology().map(({ queue }) => queue)];

export function EventStreamControls({ shown, folded }: { shown: number; folded: number }) {
  const filter = useStore(uiStore, (view) => view.filter);
  const pausedStream = useStore(uiStore, (view) => view.paused);
  const paused = pausedStream !== null;
  // Follows the count of events received only while paused, so a running stream does not re-render this bar per frame.
  const received = useStore(sandboxStore, (view) => (paused ? view.receivedEvents : 0));
  const sampledAway = useStore(sandboxStore, (view) => view.sampledAway);
  const dropped = useStore(sandboxStore, (view) => view.sandbox?.droppedEvents ?? 0);
  const notShown = unseenWhilePaused(pausedStream, received);

  return (
    <div className="stream-controls" role="toolbar" aria-label="event stream controls">
      <label>
        service{" "}
        {/* Named outright: a label's name would take in the options' words, and "microservices" contains "service". */}
        <select aria-label="service" value={filter.service ?? ""} onChange={(event) => uiStore.setState((view) => setFilter(view, { service: event.target.value || null }), true)}>
          <option value="">all</option>
          {SUBJECTS.map((subject) => (
            <option key={subject} value={subject}>
              {subject}
            </option>
          ))}
        </select>
      </label>
      <label>
        stack{" "}
        <select
          aria-label="stack"
          value={filter.stack ?? ""}
          onChange={(event) => uiStore.setState((view) => setFilter(view, { stack: (event.target.value || null) as StreamFilter["stack"] }), true)}
        >
          <option value="">both</option>
          <option value="microservices">microservices</option>
          <option value="monolith">monolith</option>
        </select>
      </label>
      {/* Five checkboxes would take the stream's whole width at 1280 px: they open from one button. */}
      <details className="kinds-menu">
        <summary>kinds: {EVENT_KINDS.every((kind) => filter.kinds[kind]) ? "all" : `${EVENT_KINDS.filter((kind) => filter.kinds[kind]).length} of ${EVENT_KINDS.length}`}</summary>
        <fieldset className="kinds">
          <legend className="visually-hidden">kinds of event</legend>
          {EVENT_KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={filter.kinds[kind]}
                onChange={(event) => uiStore.setState((view) => setFilter(view, { kinds: { ...view.filter.kinds, [kind]: event.target.checked } }), true)}
              />{" "}
              {kind}
            </label>
          ))}
        </fieldset>
      </details>
      <label>
        <input type="checkbox" checked={filter.errorsOnly} onChange={(event) => uiStore.setState((view) => setFilter(view, { errorsOnly: event.target.checked }), true)} /> errors
        only
      </label>
      <label title="the traffic generator's calls and queue jobs, counted in one row between the events you cause">
        <input type="checkbox" checked={filter.foldGenerated} onChange={(event) => uiStore.setState((view) => setFilter(view, { foldGenerated: event.target.checked }), true)} /> fold
        generated traffic
      </label>
      <button
        type="button"
        aria-pressed={paused}
        onClick={() =>
          uiStore.setState((view) => (view.paused ? resumeStream(view) : pauseStream(view, sandboxStore.getState().events, sandboxStore.getState().receivedEvents, sandboxStore.getState().stream)), true)
        }
      >
        {paused ? "▶ Resume" : "❚❚ Pause"}
      </button>
      <button
        type="button"
        onClick={() => {
          sandboxStore.setState((view) => closeStreamFold(view), true);
          uiStore.setState((view) => clearStream(view, sandboxStore.getState().events.at(-1)?.seq ?? -1), true);
        }}
      >
        Clear
      </button>
      {filter.only && (
        <span className="stream-only" data-only={filter.only.seqs.size}>
          {filter.only.label}{" "}
          <button type="button" onClick={() => uiStore.setState((view) => setFilter(view, { only: null }), true)}>
            Show all
          </button>
        </span>
      )}
      <span className="stream-counts" data-not-shown={notShown + sampledAway}>
        {shown} shown
        {folded > 0 && (
          <>
            {" "}
            · <span data-testid="folded-count">{folded}</span> generated folded
          </>
        )}
        {paused && <strong> · {notShown} new while paused</strong>}
        {sampledAway > 0 && <> · {sampledAway} sampled away</>}
        {dropped > 0 && <> · {dropped} dropped by the sandbox</>}
      </span>
    </div>
  );
}
