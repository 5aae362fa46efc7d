// The classroom's own socket.io namespace: its name and its events, given as generics to both sides.
import type { ClassroomPublic, PresenterView, SocketAck } from "./classroom";

/** The class's namespace on the app's socket.io server, beside the stream's ("/"); it exists only in classroom mode. */
export const CLASSROOM_NAMESPACE = "/classroom";

export interface ClassroomServerToClientEvents {
  /** Viewers, the poll and the class's permission to shop, after every change. Sent on connect. */
  classroom: (classroom: ClassroomPublic) => void;
  /** What the presenter is looking at, for followers to copy. Sent on connect. */
  "classroom:view": (view: PresenterView | null) => void;
}

/** Payloads are checked against lib/contract/classroom.ts on arrival: a browser can send anything. */
export interface ClassroomClientToServerEvents {
  /** The presenter's view (acting: the presenter only; others get a 403 in the ack and nothing changes). */
  "classroom:view": (view: unknown, ack?: (answer: SocketAck) => void) => void;
  /** A viewer says whether they follow the presenter (for the console's count). */
  "classroom:following": (following: unknown) => void;
}
