"use client";
// Whether the page is live: connected, connecting, or lost (and reconnecting by itself).
import { useStore } from "zustand";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";

const LABEL = {
  connected: "● live",
  connecting: "◌ connecting…",
  disconnected: "✕ connection lost — reconnecting",
} as const;

export function ConnectionIndicator() {
  const connection = useStore(sandboxStore, (view) => view.connection);
  return (
    <p className="connection" data-connection={connection} role="status">
      {LABEL[connection]}
    </p>
  );
}

/** Laid over the graph while the connection is down, so nobody mistakes a frozen picture for a live one. */
export function ConnectionLostNotice() {
  const connection = useStore(sandboxStore, (view) => view.connection);
  const everConnected = useStore(sandboxStore, (view) => view.sandbox !== null);
  if (connection === "connected" || !everConnected) return null;
  return (
    <div className="connection-lost" role="alert">
      <strong>Connection to the sandbox lost.</strong> What you see may be out of date; the page reconnects by itself and then shows the current
      state.
    </div>
  );
}
