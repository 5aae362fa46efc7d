"use client";
// The sandbox screen: the live graph in the middle, the shopper on the left, the inspector on the right, events below.
import { useEffect } from "react";
import { connectSandbox } from "../lib/client/socket";
import { startMetrics } from "../lib/client/metrics-store";
import { sandboxStore } from "../lib/client/store";
import { restorePositions } from "../lib/client/ui-store";
import { ConnectionIndicator, ConnectionLostNotice } from "./ConnectionIndicator";
import { EventStream } from "./EventStream";
import { Inspector } from "./Inspector";
import { ShopperPanel } from "./ShopperPanel";
import { SystemGraph } from "./SystemGraph";
import { TransitionNotice } from "./TransitionNotice";

export function SandboxScreen() {
  useEffect(() => {
    restorePositions();
    const stopMetrics = startMetrics();
    const disconnect = connectSandbox(sandboxStore);
    return () => {
      disconnect();
      stopMetrics();
    };
  }, []);
  return (
    <div className="screen">
      <header className="topbar">
        <h1>Architecture Sandbox</h1>
        <p className="muted tagline">A real shop runs on this machine as separate processes. Every call and queue message moves on the graph.</p>
        <TransitionNotice />
        <ConnectionIndicator />
      </header>
      <aside className="left-panel">
        <ShopperPanel />
      </aside>
      <main className="graph-area">
        <SystemGraph />
        <ConnectionLostNotice />
      </main>
      <aside className="right-panel">
        <Inspector />
      </aside>
      <div className="bottom-panel">
        <EventStream />
      </div>
    </div>
  );
}
