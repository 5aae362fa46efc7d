"use client";
// The side panel for what is selected: a service, a queue, the shoppers, or a trace (an order followed hop by hop).
import { useEffect } from "react";
import { useStore } from "zustand";
import { select, uiStore } from "../lib/client/ui-store";
import { QueueInspector } from "./QueueInspector";
import { ServiceInspector } from "./ServiceInspector";
import { TraceInspector } from "./TraceInspector";

const close = () => uiStore.setState((view) => select(view, null), true);

export function Inspector() {
  const selection = useStore(uiStore, (view) => view.selection);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && uiStore.getState().selection && !(event.target instanceof HTMLInputElement)) close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (!selection) {
    return (
      <section className="inspector empty" aria-label="inspector">
        <h2>Inspector</h2>
        <p className="muted">Select a service or queue on the graph (click it, or Tab to it and press Enter) to see its details, logs and figures, and to kill, stop, start or redeploy it.</p>
        <p className="muted">Select an event in the stream, or an order in the shopper panel, to follow its trace hop by hop.</p>
      </section>
    );
  }
  return (
    <section className="inspector" aria-label="inspector" data-inspecting={selection.kind === "node" ? selection.id : selection.kind}>
      <button type="button" className="close" onClick={close} aria-label="close the inspector">
        ✕
      </button>
      {selection.kind === "node" && selection.id.startsWith("queue:") && <QueueInspector name={selection.id.slice("queue:".length)} />}
      {selection.kind === "node" && selection.id === "client" && (
        <>
          <h2>Shoppers</h2>
          <p>Browsers outside the shop. Their calls reach the API gateway through this app&apos;s storefront proxy — use the shopper panel to be one.</p>
        </>
      )}
      {selection.kind === "node" && !selection.id.startsWith("queue:") && selection.id !== "client" && <ServiceInspector id={selection.id} />}
      {(selection.kind === "trace" || selection.kind === "order") && <TraceInspector />}
    </section>
  );
}
