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
  const visitor = classroom.visitorOf(headers);
  if (!visitor) return "classroom mode: open the audience link (or the presenter's link) to watch";
  // Checked here too so a flood is refused before socket.io does any work; the count itself is taken at admission.
  return classroom.socketRefusal(visitor);
}

export function wireClassroomSockets(io: ClassroomServer, classroom: Classroom): { dropAudience(): void } {
  let pending: NodeJS.Timeout | undefined;
  classroom.onChange(() => {
    pending ??= setTimeout(() => {
      pending = undefined;
      io.emit("classroom", classroom.publicView());
    }, BROADCAST_EVERY_MS);
  });

  // Every socket, the stream's too, is admitted here before any listener hears of it: counted against its viewer
  // at once (handshakes that passed together cannot all slip in), and let go when its connection closes.
  io.use((socket, next) => {
    const visitor = classroom.visitorOf(socket.request.headers);
    // Rotated between the handshake and now: the old code no longer lets anyone in.
    if (!visitor) return next(new Error("classroom mode: open the audience link (or the presenter's link) to watch"));
    if (socket.conn.readyState !== "open") return next(new Error("the connection closed"));
    const refused = classroom.connected(socket.id, visitor, isClassroomSocket(socket));
    if (refused) return next(new Error(refused));
    visitors.set(socket, visitor);
    socket.conn.once("close", () => classroom.disconnected(socket.id));
    socket.once("disconnect", () => classroom.disconnected(socket.id));
    next();
  });

  io.on("connection", (socket) => {
    const visitor = visitors.get(socket);
    if (!visitor) return void socket.disconnect(true);
    if (isClassroomSocket(socket)) void socket.join(CLASSROOM_ROOM);
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
