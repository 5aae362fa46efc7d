// What the person looking at the page chose: the selected box or trace, the event stream's filter and pause, and
// where they dragged the boxes (kept for the browser tab's session).
import { createStore, type StoreApi } from "zustand/vanilla";
import type { NumberedEvent } from "../../contract/events";
import { defaultFilter, type StreamFilter } from "../event-filter";
import type { StreamItem } from "../stream-fold";

export type Selection =
  | { kind: "node"; id: string }
  /** A trace, and what it is for a person (an order id, or the call that was clicked). */
  | { kind: "trace"; traceId: string; title: string }
  /** An order, followed by the trace its request started (from the answer's traceparent) or, failing that, by the trace its queue jobs name. */
  | { kind: "order"; orderId: string; traceId?: string }
  | null;

export interface PausedStream {
  /** The events shown while paused: the history as it was. */
  events: readonly NumberedEvent[];
  /** The folded stream as it was. */
  items: readonly StreamItem[];
  /** How many events had been received when the stream was paused. */
  receivedAtPause: number;
}

export interface UiView {
  selection: Selection;
  filter: StreamFilter;
  paused: PausedStream | null;
  /** Events up to this sequence number were cleared from the stream. */
  clearedAfterSeq: number;
  positions: Readonly<Record<string, { x: number; y: number }>>;
}

export const initialUi: UiView = { selection: null, filter: defaultFilter, paused: null, clearedAfterSeq: -1, positions: {} };

export function select(view: UiView, selection: Selection): UiView {
  return { ...view, selection };
}

export function setFilter(view: UiView, change: Partial<StreamFilter>): UiView {
  return { ...view, filter: { ...view.filter, ...change } };
}

export function pauseStream(view: UiView, events: readonly NumberedEvent[], received: number, items: readonly StreamItem[] = []): UiView {
  return view.paused ? view : { ...view, paused: { events, items, receivedAtPause: received } };
}

export function resumeStream(view: UiView): UiView {
  return view.paused ? { ...view, paused: null } : view;
}

/** Clears what the stream shows; new events appear again as they come. */
export function clearStream(view: UiView, lastSeq: number): UiView {
  return { ...view, clearedAfterSeq: lastSeq, paused: view.paused ? { ...view.paused, events: [], items: [] } : null };
}

/** Events that arrived while the stream was paused and so are not on screen. */
export function unseenWhilePaused(paused: PausedStream | null, received: number): number {
  return paused ? Math.max(0, received - paused.receivedAtPause) : 0;
}

export function moveNode(view: UiView, id: string, position: { x: number; y: number }): UiView {
  return { ...view, positions: { ...view.positions, [id]: position } };
}

const POSITIONS_KEY = "architecture-sandbox:positions";

function storedPositions(): UiView["positions"] {
  try {
    if (typeof sessionStorage === "undefined") return {};
    return JSON.parse(sessionStorage.getItem(POSITIONS_KEY) ?? "{}") as UiView["positions"];
  } catch {
    return {};
  }
}

export function savePositions(positions: UiView["positions"]): void {
  try {
    sessionStorage.setItem(POSITIONS_KEY, JSON.stringify(positions));
  } catch {
    // Private mode or a full storage: the layout then lasts until the page is reloaded.
  }
}

export type UiStore = StoreApi<UiView>;

export const uiStore: UiStore = createStore<UiView>()(() => initialUi);

/** Reads the layout the person made earlier in this tab; called once the page runs in the browser. */
export function restorePositions(store: UiStore = uiStore): void {
  const positions = storedPositions();
  if (Object.keys(positions).length > 0) store.setState((view) => ({ ...view, positions }), true);
}
