// What the selection means for the graph: which trace is being followed, and which boxes and arrows light up.
import { createStore } from "zustand/vanilla";
import type { Selection } from "./ui-store";
import { traceFootprint, type TraceIndex } from "./trace-store";

/** The trace a selection follows: a trace itself, or the trace that carried a selected order once it is known. */
export function selectedTraceId(selection: Selection, index: TraceIndex): string | null {
  if (selection?.kind === "trace") return selection.traceId;
  if (selection?.kind === "order") return selection.traceId ?? index.orderTraces.get(selection.orderId) ?? null;
  return null;
}

export interface Highlight {
  /** Null when no trace is selected: everything is drawn normally. */
  edges: ReadonlySet<string> | null;
  nodes: ReadonlySet<string> | null;
}

export const highlightStore = createStore<Highlight>()(() => ({ edges: null, nodes: null }));

export function highlightFor(traceId: string | null, index: TraceIndex): Highlight {
  if (!traceId) return { edges: null, nodes: null };
  const { edges, nodes } = traceFootprint(index.traces.get(traceId) ?? []);
  return { edges, nodes };
}
