"use client";
// The first screen: connection state, every process of the shop with its status, the queues and the latest events.
import { useEffect } from "react";
import { useStore } from "zustand";
import { connectSandbox } from "../lib/client/socket";
import { sandboxStore } from "../lib/client/store";
import { EventList } from "./EventList";
import { QueueTable } from "./QueueTable";
import { ServiceTable } from "./ServiceTable";

export function SandboxOverview() {
  useEffect(() => connectSandbox(sandboxStore), []);
  const connection = useStore(sandboxStore, (view) => view.connection);
  const sandbox = useStore(sandboxStore, (view) => view.sandbox);
  return (
    <main className="overview">
      <header className="overview-header">
        <h1>Architecture Sandbox</h1>
        <p className="connection" data-connection={connection} role="status">
          {connection === "connected" ? "● live" : connection === "connecting" ? "○ connecting…" : "✕ connection to the sandbox lost — reconnecting"}
        </p>
      </header>
      <p className="lede">
        A real online shop runs on this machine as {sandbox ? sandbox.services.length : "several"} separate processes. Each row is one process; the
        list below shows every call between them as it happens.
      </p>
      {sandbox ? (
        <>
          <ServiceTable services={sandbox.services} />
          <QueueTable queues={sandbox.queues} />
        </>
      ) : (
        <p aria-busy="true">Waiting for the sandbox to report its services…</p>
      )}
      <EventList />
    </main>
  );
}
