// The browser's one connection to the sandbox: a typed socket.io client that feeds the stores once per frame.
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../contract/socket";
import { feedEvents, feedSnapshot } from "./feed";
import { createFrameBatcher } from "./frame-batcher";
import { applyLessonRun } from "./stores/lesson-store";
import { applyState, setConnection, type SandboxStore } from "./stores/sandbox-store";
import { isAway, keepState } from "./stores/time-travel-store";

export type SandboxSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects `store` to the sandbox server; returns the function that disconnects it. socket.io reconnects by itself. */
export function connectSandbox(store: SandboxStore): () => void {
  const socket: SandboxSocket = io({ transports: ["websocket"] });
  const batcher = createFrameBatcher(feedEvents);
  const update = (change: Parameters<SandboxStore["setState"]>[0]) => store.setState(change, true);
  socket.on("connect", () => update((view) => setConnection(view, "connected")));
  // Closed by this page (it is leaving for another screen, which opens its own): nothing was lost.
  socket.on("disconnect", (reason) => update((view) => setConnection(view, reason === "io client disconnect" ? "connecting" : "disconnected")));
  const reconnecting = () => update((view) => setConnection(view, view.connection === "connected" ? view.connection : "connecting"));
  // The connection can outlive this socket (in classroom mode the class's socket may share it): its listener goes with the socket.
  socket.io.on("reconnect_attempt", reconnecting);
  socket.on("snapshot", (snapshot) => {
    batcher.drop();
    feedSnapshot(snapshot);
  });
  socket.on("state", (state) => (isAway() ? keepState(state) : update((view) => applyState(view, state))));
  socket.on("events", (batch) => batcher.push(batch));
  socket.on("lesson", applyLessonRun);
  return () => {
    batcher.drop();
    socket.io.off("reconnect_attempt", reconnecting);
    socket.disconnect();
  };
}
