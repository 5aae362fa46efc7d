// The classroom on socket.io: who may open the stream (a role), the presenter's view relayed to every follower,
// viewers counted as they come and go, and every viewer dropped when the audience link is rotated.
import type { Server, Socket } from "socket.io";
import { PresenterViewSchema } from "../contract/classroom";
import type { ClientToServerEvents, ServerToClientEvents } from "../contract/socket";
import type { Classroom, Visitor } from "./classroom";

type ClassroomServer = Server<ClientToServerEvents, ServerToClientEvents>;
type ClassroomSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Joins and votes come in bursts (a class opening the link at once): the console's figures go out at most this often. */
const BROADCAST_EVERY_MS = 100;

const visitors = new WeakMap<ClassroomSocket, Visitor>();

/** The room of the class's own sockets: they get the classroom's messages, not the telemetry stream. */
export const CLASSROOM_ROOM = "classroom";

/** A page opens one socket for the stream and one, so marked, for the class: only the latter counts as a viewer. */
export function isClassroomSocket(socket: { handshake: { auth: unknown } }): boolean {
  return (socket.handshake.auth as { classroom?: unknown } | undefined)?.classroom === true;
}

/** Why a handshake is refused, or undefined when its cookie or token gives it a role. */
export function socketRefusal(classroom: Classroom, headers: Parameters<Classroom["visitorOf"]>[0]): string | undefined {
  if (!classroom.visitorOf(headers)) return "classroom mode: open the audience link (or the presenter's link) to watch";
  if (classroom.full) return "this class is full";
  return undefined;
}

export function wireClassroomSockets(io: ClassroomServer, classroom: Classroom): { dropAudience(): void } {
  let pending: NodeJS.Timeout | undefined;
  classroom.onChange(() => {
    pending ??= setTimeout(() => {
      pending = undefined;
      io.emit("classroom", classroom.publicView());
    }, BROADCAST_EVERY_MS);
  });

  io.on("connection", (socket) => {
    const visitor = classroom.visitorOf(socket.request.headers);
    // Rotated between the handshake and now: the old code no longer lets anyone in.
    if (!visitor) return void socket.disconnect(true);
    visitors.set(socket, visitor);
    if (isClassroomSocket(socket)) {
      void socket.join(CLASSROOM_ROOM);
      classroom.connected(socket.id, visitor.role);
      socket.on("disconnect", () => classroom.disconnected(socket.id));
    }
    socket.emit("classroom", classroom.publicView());
    socket.emit("classroom:view", classroom.view);
    socket.on("classroom:following", (following) => {
      if (typeof following === "boolean") classroom.setFollowing(socket.id, following);
    });
    socket.on("classroom:view", (view, ack) => {
      const answer = typeof ack === "function" ? ack : () => {};
      if (visitor.role !== "presenter") return answer({ ok: false, status: 403, error: "only the presenter leads the class's view" });
      const parsed = PresenterViewSchema.safeParse(view);
      if (!parsed.success) return answer({ ok: false, status: 400, error: `invalid view: ${parsed.error.issues[0].message}` });
      classroom.setView(parsed.data);
      // Followers only: the presenter's own other tabs would chase themselves.
      socket.broadcast.emit("classroom:view", parsed.data);
      answer({ ok: true });
    });
  });

  return {
    dropAudience() {
      for (const socket of io.sockets.sockets.values()) if (visitors.get(socket)?.role === "audience") socket.disconnect(true);
    },
  };
}
