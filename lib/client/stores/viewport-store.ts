// The graph's viewport as the classroom needs it: where the person last moved this page's graph by hand (the
// presenter sends it; null while it is fitted to the screen), a viewport asked for (a follower copies the
// presenter's, or fits its own when the presenter's is fitted), and a count of moves the person made themselves.
import { createStore } from "zustand/vanilla";
import type { PresenterView } from "../../contract/classroom";

type Viewport = NonNullable<PresenterView["viewport"]>;

export interface ViewportState {
  /** Null while the graph is as fitted: each screen then fits it to its own size. */
  current: Viewport | null;
  /** What a follower is asked to show: a viewport, or "fit"; `seq` makes the same request twice a new one. */
  requested: { viewport: Viewport | "fit"; seq: number } | null;
  /** Pans and zooms made by hand (a follower's own move stops following). */
  userMoves: number;
  /** When the last move made by hand began (performance.now()), and when the one under way began, if any. */
  userMoveBegan: number;
  moveUnderWay: number | null;
}

export const viewportStore = createStore<ViewportState>()(() => ({ current: null, requested: null, userMoves: 0, userMoveBegan: 0, moveUnderWay: null }));

/** React Flow's onMoveStart: a move with an input event behind it is the person's own; a programmatic one has none. */
export function noteMoveStart(event: MouseEvent | TouchEvent | null): void {
  if (event) viewportStore.setState({ moveUnderWay: performance.now() });
}

/** React Flow's onMoveEnd: a move made by hand is counted, with where it left the graph and when it began. */
export function noteUserMove(event: MouseEvent | TouchEvent | null, viewport: Viewport): void {
  if (!event) return;
  viewportStore.setState((state) => ({ current: roundViewport(viewport), userMoves: state.userMoves + 1, userMoveBegan: state.moveUnderWay ?? performance.now(), moveUnderWay: null }));
}

/**
 * Whether a move made by hand and begun after `since` ended between `before` and `state`. A wheel's zoom ends
 * ~150 ms after its last turn: a zoom begun before the viewer asked to follow again must not stop that at its end.
 */
export const movedByHandSince = (state: ViewportState, before: ViewportState, since: number): boolean => state.userMoves !== before.userMoves && state.userMoveBegan >= since;

/** Rounded: sub-pixel noise is no change. */
export function roundViewport({ x, y, zoom }: Viewport): Viewport {
  return { x: Math.round(x), y: Math.round(y), zoom: Math.round(zoom * 1000) / 1000 };
}

export function requestViewport(viewport: Viewport | null): void {
  const wanted = viewport ?? "fit";
  const before = viewportStore.getState().requested;
  if (before && JSON.stringify(before.viewport) === JSON.stringify(wanted)) return;
  viewportStore.setState({ requested: { viewport: wanted, seq: (before?.seq ?? 0) + 1 } });
}
