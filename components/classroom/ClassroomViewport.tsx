"use client";
// Inside the graph: moves it where a follower is asked to (the presenter's viewport, or fitted to this screen). A move
// made by hand is noted by the graph itself (lib/client/viewport-store.ts).
import { useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { useStore } from "zustand";
import { viewportStore } from "../../lib/client/stores/viewport-store";

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
