"use client";
// Inside the graph: notes a move made by hand (the presenter sends it, a follower stops following) and moves the
// graph where a follower is asked to (the presenter's viewport, or fitted to this screen).
import { useReactFlow, type Viewport } from "@xyflow/react";
import { useEffect } from "react";
import { useStore } from "zustand";
import { roundViewport, viewportStore } from "../../lib/client/viewport-store";

export function ClassroomViewport({ fit }: { fit: { padding: number } }) {
  const { setViewport, fitView } = useReactFlow();
  const requested = useStore(viewportStore, (state) => state.requested);
  useEffect(() => {
    if (!requested) return;
    if (requested.viewport === "fit") void fitView(fit);
    else void setViewport(requested.viewport, { duration: 150 });
  }, [requested, setViewport, fitView, fit]);
  return null;
}

/** React Flow's onMoveEnd: a move with an input event behind it was the person's own; a programmatic one has none. */
export function noteUserMove(event: MouseEvent | TouchEvent | null, viewport: Viewport): void {
  if (event) viewportStore.setState((state) => ({ current: roundViewport(viewport), userMoves: state.userMoves + 1 }));
}
