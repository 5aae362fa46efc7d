// A browser's view of the live events: a typed socket.io client that keeps every message it receives.
import { io, type Socket } from "socket.io-client";
import type { NumberedEvent } from "../../../lib/contract/events";
import type { ClientToServerEvents, ServerToClientEvents, Snapshot } from "../../../lib/contract/socket";
import { waitFor } from "./wait";

/** Events kept; a test sees a few hundred, this bounds a runaway. */
const MAX_EVENTS = 50_000;

export class TelemetryWatcher {
  /** The names of the messages received, in order ("snapshot", "events", "state"). */
  readonly messages: string[] = [];
  readonly events: NumberedEvent[] = [];
  snapshot: Snapshot | undefined;

  constructor(private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.onAny((name: string) => this.messages.push(name));
    socket.on("snapshot", (snapshot) => (this.snapshot ??= snapshot));
    socket.on("events", (batch) => {
      this.events.push(...batch);
      if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    });
  }

  /** Waits (bounded) until the events received so far satisfy `check`, and returns what it returned. */
  waitForEvents<T>(what: string, check: (events: NumberedEvent[]) => T | undefined | false, timeoutMs = 15_000): Promise<T> {
    return waitFor(what, () => check(this.events), { timeoutMs, intervalMs: 50 });
  }

  close(): void {
    this.socket.close();
  }
}

/** Connects to the app's socket.io server and resolves once the first message has arrived. */
export async function watchTelemetry(origin: string): Promise<TelemetryWatcher> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(origin, { transports: ["websocket"], reconnection: false, timeout: 10_000 });
  const watcher = new TelemetryWatcher(socket);
  try {
    await waitFor("the first socket.io message", () => watcher.messages.length > 0, { timeoutMs: 15_000, intervalMs: 20 });
  } catch (error) {
    watcher.close();
    throw error;
  }
  return watcher;
}
