// The moving dots on the graph's arrows: one per call or queue message in flight, capped so a burst stays cheap.
import { createStore } from "zustand/vanilla";
import type { NumberedEvent } from "../../contract/events";
import { edgeForEvent } from "../topology";
import { outcomeOf, type Outcome } from "../outcome";

/** How long a dot takes along its arrow: the real hops take a millisecond, too fast to see. */
export const DOT_MS = 900;
/** Dots on one arrow at once. Beyond it a dot is not drawn (the arrow's rate badge still counts the call). */
export const MAX_DOTS_PER_EDGE = 6;
/** Dots on the whole graph at once: each is an SVG animation, and hundreds of them cost frames. */
export const MAX_DOTS = 80;

export interface Dot {
  id: number;
  outcome: Outcome;
  endsAt: number;
}

export interface DotsState {
  byEdge: Readonly<Record<string, readonly Dot[]>>;
  total: number;
  /** Dots not drawn because an arrow or the graph was full. */
  skipped: number;
}

export const emptyDots: DotsState = { byEdge: {}, total: 0, skipped: 0 };

/** Adds a dot per travelling event; only arrows that got a dot get a new list. */
export function addDots(state: DotsState, events: readonly NumberedEvent[], now: number): DotsState {
  let byEdge: Record<string, readonly Dot[]> | null = null;
  let total = state.total;
  let skipped = state.skipped;
  for (const event of events) {
    const edge = edgeForEvent(event);
    if (!edge) continue;
    const current = (byEdge ?? state.byEdge)[edge] ?? [];
    if (current.length >= MAX_DOTS_PER_EDGE || total >= MAX_DOTS) {
      skipped++;
      continue;
    }
    byEdge ??= { ...state.byEdge };
    byEdge[edge] = [...current, { id: event.seq, outcome: outcomeOf(event), endsAt: now + DOT_MS }];
    total++;
  }
  if (!byEdge) return skipped === state.skipped ? state : { ...state, skipped };
  return { byEdge, total, skipped };
}

/** Removes the dots that have arrived. */
export function expireDots(state: DotsState, now: number): DotsState {
  let byEdge: Record<string, readonly Dot[]> | null = null;
  let total = state.total;
  for (const [edge, dots] of Object.entries(state.byEdge)) {
    const left = dots.filter((dot) => dot.endsAt > now);
    if (left.length === dots.length) continue;
    byEdge ??= { ...state.byEdge };
    total -= dots.length - left.length;
    if (left.length === 0) delete byEdge[edge];
    else byEdge[edge] = left;
  }
  return byEdge ? { ...state, byEdge, total } : state;
}

export const dotsStore = createStore<DotsState>()(() => emptyDots);

let expiryTimer: ReturnType<typeof setTimeout> | null = null;

/** Launches a dot per travelling event and removes arrived dots, with one timer for the whole graph. */
export function launchDots(events: readonly NumberedEvent[], now = Date.now()): void {
  dotsStore.setState((state) => addDots(state, events, now), true);
  scheduleExpiry();
}

function scheduleExpiry(): void {
  if (expiryTimer !== null || dotsStore.getState().total === 0) return;
  expiryTimer = setTimeout(() => {
    expiryTimer = null;
    dotsStore.setState((state) => expireDots(state, Date.now()), true);
    scheduleExpiry();
  }, DOT_MS / 3);
}
