"use client";
// Keeps the graph's highlight in step with the selected trace as its events arrive. Draws nothing itself.
import { useEffect } from "react";
import { useStore } from "zustand";
import { highlightFor, highlightStore, selectedTraceId } from "../../lib/client/stores/highlight-store";
import { traceSize, traceStore } from "../../lib/client/stores/trace-store";
import { uiStore } from "../../lib/client/stores/ui-store";

export function useSelectedTraceId(): string | null {
  const selection = useStore(uiStore, (view) => view.selection);
  // Re-read when the order's trace becomes known (its first queue job names the order).
  useStore(traceStore, (state) => (selection?.kind === "order" ? state.index.orderTraces.get(selection.orderId) ?? "" : ""));
  return selectedTraceId(selection, traceStore.getState().index);
}

export function TraceHighlighter() {
  const traceId = useSelectedTraceId();
  const size = useStore(traceStore, (state) => (traceId ? traceSize(state, traceId) : 0));
  useEffect(() => {
    highlightStore.setState(highlightFor(traceId, traceStore.getState().index), true);
  }, [traceId, size]);
  return null;
}
