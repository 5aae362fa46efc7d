// The classroom on socket.io: who may open a socket of either namespace (a role), the class's own namespace that
// relays the presenter's view to every follower, viewers counted as they come and go, and every viewer dropped when
// the audience link is rotated.
import type { Namespace, Server, Socket } from "socket.io";
import { PresenterViewSchema } from "../contract/classroom";
import { CLASSROOM_NAMESPACE, type ClassroomClientToServerEvents, type ClassroomServerToClientEvents } from "../contract/classroom-socket";
import type { ClientToServerEvents, ServerToClientEvents } from "../contract/socket";
import type { Classroom, Visitor } from "./classroom";

type StreamServer = Server<ClientToServerEvents, ServerToClientEvents>;
type ClassroomNamespace = Namespace<ClassroomClientToServerEvents, ClassroomServerToClientEvents>;
/** A socket of either namespace, as admission reads it. */
type AnySocket = Pick<Socket, "id" | "request" | "conn" | "once">;

/** Joins and votes come in bursts (a class opening the link at once): the console's figures go out at most this often. */
const BROADCAST_EVERY_MS = 100;

const visitors = new WeakMap<AnySocket, Visitor>();

/** Why a handshake is refused, or undefined when its cookie or token gives it a role. */
export function socketRefusal(classroom: Classroom, headers: Parameters<Classroom["visitorOf"]>[0]): string | undefined {
  const visitor = classroom.visitorOf(headers);
  if (!visitor) return "classroom mode: open the audience link (or the presenter's link) to watch";
  // Checked here too so a flood is refused before socket.io does any work; the count itself is taken at admission.
  return classroom.socketRefusal(visitor);
}

/**
 * Every socket of either namespace is admitted here before any listener hears of it: counted against its viewer at
 * once (handshakes that passed together cannot all slip in), and let go when it or its connection closes. A page's
 * stream socket and class socket may share one connection: each lets go of its own entry only.
 */
function admission(classroom: Classroom, counted: boolean) {
  return (socket: AnySocket, next: (error?: Error) => void): void => {
    const visitor = classroom.visitorOf(socket.request.headers);
    // Rotated between the handshake and now: the old code no longer lets anyone in.
    if (!visitor) return next(new Error("classroom mode: open the audience link (or the presenter's link) to watch"));
    if (socket.conn.readyState !== "open") return next(new Error("the connection closed"));
    const refused = classroom.connected(socket.id, visitor, counted);
    if (refused) return next(new Error(refused));
    visitors.set(socket, visitor);
    const release = () => classroom.disconnected(socket.id);
    // The connection closing before the socket is connected: no "disconnect" would come.
    socket.conn.once("close", release);
    // A socket that leaves a connection that stays (its page's other socket still on it) takes its listener along.
    socket.once("disconnect", () => {
      socket.conn.off("close", release);
      release();
    });
    next();
  };
}

/** Opens the class's namespace and puts the classroom's admission on it and on the stream's. */
export function wireClassroomSockets(io: StreamServer, classroom: Classroom): { dropAudience(): void } {
  // Typed with the class's own events: socket.io would give it the stream's, its server's.
  const classSockets: ClassroomNamespace = io.of(CLASSROOM_NAMESPACE);
  let pending: NodeJS.Timeout | undefined;
  classroom.onChange(() => {
    pending ??= setTimeout(() => {
      pending = undefined;
      classSockets.emit("classroom", classroom.publicView());
    }, BROADCAST_EVERY_MS);
  });

  // A page opens one socket for the stream and one for the class: only the latter counts as a viewer.
  io.use(admission(classroom, false));
  classSockets.use(admission(classroom, true));

  classSockets.on("connection", (socket) => {
    const visitor = visitors.get(socket);
    if (!visitor) return void socket.disconnect(true);
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
      // Disconnected with their connection: a page's stream and class sockets both go.
      for (const sockets of [io.sockets.sockets, classSockets.sockets]) {
        for (const socket of sockets.values()) if (visitors.get(socket)?.role === "audience") socket.disconnect(true);
      }
    },
  };
}
