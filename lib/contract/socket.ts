// The live stream's socket.io contract (the namespace "/") between the sandbox server and the browser, given as
// generics to both sides. The classroom's messages travel on a namespace of their own: lib/contract/classroom-socket.ts.
import type { SandboxState } from "./control";
import type { NumberedEvent } from "./events";
import type { LessonRun } from "./lessons";

export interface Snapshot {
  state: SandboxState;
  /** The most recent events, oldest first, so a fresh page has something to show. */
  recentEvents: NumberedEvent[];
}

export interface ServerToClientEvents {
  /** Sent first to every client that connects or reconnects. */
  snapshot: (snapshot: Snapshot) => void;
  /** New events since the last batch, oldest first. */
  events: (batch: NumberedEvent[]) => void;
  /** The sandbox's state after any change to services or queues. */
  state: (state: SandboxState) => void;
  /** The guided lesson being run, after every change (a check ticking, a step opening); null when none. Sent on connect too. */
  lesson: (run: LessonRun | null) => void;
}

/** The stream only flows to the page: a page acts through the control API, never on this socket. */
export type ClientToServerEvents = Record<never, never>;
