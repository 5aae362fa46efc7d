"use client";
// The side panel for what is selected: a service, the monolith or one of its modules, a queue or inbox, the
// shoppers, or a trace (an order followed hop by hop).
import { useEffect } from "react";
import { useStore } from "zustand";
import { MONOLITH_ID, SHOP_SERVICE_IDS } from "../../lib/contract/services";
import { BUS_NODE, CLIENT_NODE, parseNodeId } from "../../lib/client/topology";
import { select, uiStore } from "../../lib/client/stores/ui-store";
import { QueueInspector } from "./QueueInspector";
import { ServiceInspector } from "./ServiceInspector";
import { TraceInspector } from "./TraceInspector";

const close = () => uiStore.setState((view) => select(view, null), true);
const isModule = (ref: string) => (SHOP_SERVICE_IDS as readonly string[]).includes(ref);

function NodeInspector({ nodeId }: { nodeId: string }) {
  const { stack, ref } = parseNodeId(nodeId);
  if (ref.startsWith("queue:")) return <QueueInspector name={ref.slice("queue:".length)} stack={stack} />;
  if (ref === CLIENT_NODE) {
    return (
      <>
        <h2>Shoppers</h2>
        <p>
          Browsers outside the shop. Their calls reach {stack === "monolith" ? "the monolith" : "the API gateway"} through this app&apos;s storefront
          proxy — use the Shop panel to be one.
        </p>
      </>
    );
  }
  if (nodeId === BUS_NODE) {
    return (
      <>
        <h2>The monolith&apos;s event bus</h2>
        <p>
          The same domain events as the microservices&apos; queues (OrderCreated, PaymentSucceeded, …), each to the inbox of every module that
          subscribes — but in the process&apos;s memory. No broker to run, no network hop; and what waits here is lost when the process dies.
        </p>
      </>
    );
  }
  if (stack === "monolith" && isModule(ref)) return <ServiceInspector id={MONOLITH_ID} module={ref} />;
  return <ServiceInspector id={ref} />;
}

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
        <p className="muted">
          Select a service, module or queue on the graph (click it, or Tab to it and press Enter) to see its details, logs and figures, and to kill,
          stop, start, redeploy or scale it.
        </p>
        <p className="muted">Select an event in the stream, or an order in the shopper panel, to follow its trace hop by hop.</p>
      </section>
    );
  }
  return (
    <section className="inspector" aria-label="inspector" data-inspecting={selection.kind === "node" ? selection.id : selection.kind}>
      <button type="button" className="close" onClick={close} aria-label="close the inspector">
        ✕
      </button>
      {selection.kind === "node" && <NodeInspector nodeId={selection.id} />}
      {(selection.kind === "trace" || selection.kind === "order") && <TraceInspector />}
    </section>
  );
}
