// The graph's viewport as the classroom needs it: where this page's graph was last moved to (the presenter sends
// it), a viewport asked for (a follower copies the presenter's), and a count of moves the person made themselves.
import { createStore } from "zustand/vanilla";
import type { PresenterView } from "../contract/classroom";

type Viewport = NonNullable<PresenterView["viewport"]>;

export interface ViewportState {
  current: Viewport | null;
  requested: Viewport | null;
  /** Pans and zooms made by hand (a follower's own move stops following). */
  userMoves: number;
}

export const viewportStore = createStore<ViewportState>()(() => ({ current: null, requested: null, userMoves: 0 }));

/** Rounded: the presenter's view is sent on every change, and sub-pixel noise is no change. */
export function roundViewport({ x, y, zoom }: Viewport): Viewport {
  return { x: Math.round(x), y: Math.round(y), zoom: Math.round(zoom * 1000) / 1000 };
}
