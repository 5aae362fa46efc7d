"use client";
// Inside the graph: reports where it was moved (for the presenter to send) and moves it where a follower is asked to.
import { useOnViewportChange, useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { useStore } from "zustand";
import { roundViewport, viewportStore } from "../../lib/client/viewport-store";

export function ClassroomViewport() {
  const { setViewport } = useReactFlow();
  useOnViewportChange({ onEnd: (viewport) => viewportStore.setState({ current: roundViewport(viewport) }) });
  const requested = useStore(viewportStore, (state) => state.requested);
  useEffect(() => {
    if (requested) void setViewport(requested, { duration: 150 });
  }, [requested, setViewport]);
  return null;
}

/** React Flow's onMoveEnd: a move with an input event behind it was the person's own. */
export function noteUserMove(event: MouseEvent | TouchEvent | null): void {
  if (event) viewportStore.setState((state) => ({ userMoves: state.userMoves + 1 }));
}
