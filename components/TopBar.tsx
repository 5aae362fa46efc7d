"use client";
// The bar across the top of every screen: the product's name, what is happening now, and the connection.
import { ConnectionIndicator } from "./ConnectionIndicator";
import { TransitionNotice } from "./TransitionNotice";

export function TopBar() {
  return (
    <header className="topbar">
      <h1>Architecture Sandbox</h1>
      <p className="muted tagline">A real shop runs on this machine as separate processes. Every call and queue message moves on the graph.</p>
      <TransitionNotice />
      <ConnectionIndicator />
    </header>
  );
}
