// The socket.io contract between the sandbox server and the browser, given as generics to both sides.
import type { SandboxState } from "./control";
import type { NumberedEvent } from "./events";
import type { LessonRun } from "./lessons";
import type { ClassroomPublic, PresenterView, SocketAck } from "./classroom";

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
  /** Classroom mode only: viewers, the poll and the class's permission to shop, after every change. Sent on connect. */
  classroom: (classroom: ClassroomPublic) => void;
  /** Classroom mode only: what the presenter is looking at, for followers to copy. Sent on connect. */
  "classroom:view": (view: PresenterView | null) => void;
}

/** Payloads are checked against lib/contract/classroom.ts on arrival: a browser can send anything. */
export interface ClientToServerEvents {
  /** The presenter's view (acting: the presenter only; others get a 403 in the ack and nothing changes). */
  "classroom:view": (view: unknown, ack?: (answer: SocketAck) => void) => void;
  /** A viewer says whether they follow the presenter (for the console's count). */
  "classroom:following": (following: unknown) => void;
}
