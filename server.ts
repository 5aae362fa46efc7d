// The one place where Next, socket.io and the sandbox are wired together, and where the app ends cleanly.
import http from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import type { ClientToServerEvents, ServerToClientEvents } from "./lib/contract/socket";
import { killAllChildrenNow } from "./lib/sandbox/processes/child-process";
import { controlApi, isControlPath } from "./lib/sandbox/http/control-routes";
import { composeInstruments } from "./lib/composition-root";
import { Sandbox } from "./lib/sandbox/sandbox";
import { ArchitectureSchema } from "./lib/contract/services";
import { isStorefrontPath, storefrontProxy } from "./lib/sandbox/http/storefront-proxy";
import { loopbackHosts, sameOriginPolicy, type Refusal } from "./lib/sandbox/http/same-origin";
import { requestPath } from "./lib/sandbox/http/request-path";
import { withSecurityHeaders } from "./lib/sandbox/http/security-headers";
import { shownPath } from "./lib/sandbox/telemetry/shopper-privacy";
import { classroomModeFromEnv, type ClassroomMode } from "./lib/classroom/classroom-mode";
import { classroomGate } from "./lib/classroom/classroom-gate";
import { answerClassroomOff } from "./lib/classroom/classroom-routes";
import { socketRefusal, wireClassroomSockets } from "./lib/classroom/classroom-sockets";

const port = Number(process.env.PORT ?? 3000);
/** Classroom mode (SANDBOX_CLASSROOM=1) is the one opt-in to listen beyond loopback, and then only the presenter acts. */
let classroomMode: ClassroomMode | undefined;
try {
  classroomMode = classroomModeFromEnv(process.env, port, { metrics: () => instruments.metrics(), lesson: () => instruments.lessons.view() });
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const hostname = classroomMode?.listenHost ?? "127.0.0.1";
const dev = process.env.NODE_ENV !== "production";
/** Who may act: the app's own pages and local scripts, on the hosts it serves (a list, so more can be handed in). */
const sameOrigin = sameOriginPolicy(classroomMode?.hosts ?? loopbackHosts(port));
// Run as server.ts (tsx, in development and tests) or compiled as .build/server.mjs (npm start): the root is the same.
const here = path.dirname(new URL(import.meta.url).pathname);
const rootDir = path.basename(here) === ".build" ? path.dirname(here) : here;

// Whatever happens, no child outlives us: the exit hook is synchronous and SIGKILLs what is left.
process.on("exit", killAllChildrenNow);

const architecture = ArchitectureSchema.safeParse(process.env.SANDBOX_ARCHITECTURE ?? "microservices");
if (!architecture.success) {
  console.error(`SANDBOX_ARCHITECTURE must be microservices, monolith or both, not "${process.env.SANDBOX_ARCHITECTURE}"`);
  process.exit(2);
}
const sandbox = new Sandbox({ rootDir, dataDir: process.env.SANDBOX_DATA_DIR, redisUrl: process.env.REDIS_URL, architecture: architecture.data });
const instruments = composeInstruments(sandbox);
const handleControl = controlApi(sandbox, instruments);
/** Who shops, as the shop's limits count them: in a class, the viewer (many share one address); else the address. */
function shopperClient(request: http.IncomingMessage): string {
  const visitor = classroomMode?.classroom.visitorOf(request.headers);
  if (visitor) return visitor.viewerId ? `viewer:${visitor.viewerId}` : "presenter";
  return `address:${request.socket.remoteAddress ?? "unknown"}`;
}
const handleStorefront = storefrontProxy(
  (stack) => sandbox.entryPoints(stack),
  // The path as the room may see it: a message written into an id is cut before any figure or incident holds it.
  (stack, method, path, status, durationMs) => sandbox.shopperAnswered(stack, method, shownPath(path), status, durationMs),
  (stack, request) => sandbox.shopperPass(stack, shopperClient(request)),
);

let shuttingDown = false;
async function shutdown(signal: string, code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal}: stopping the sandbox's processes...`);
  const forced = setTimeout(() => process.exit(code), 10_000);
  forced.unref();
  instruments.dispose();
  await sandbox.shutdown().catch((error) => console.error("shutdown failed", error));
  console.log("all processes stopped; bye");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT", 0));
process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
process.on("SIGHUP", () => void shutdown("SIGHUP", 0));
function crash(error: unknown): never {
  console.error("the sandbox server crashed:", error);
  killAllChildrenNow();
  sandbox.removeOwnDataNow();
  process.exit(1);
}
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

// The services start first, since they are what a learner waits for; Next (half a second of loading on a small
// machine, and its preparing) comes once they are up: on two cores, preparing beside eight booting processes would
// only make every one of them later. The control API answers meanwhile; a page waits for Next.
const sandboxStarting = sandbox.start();
const nextHandler = sandboxStarting.catch(() => {}).then(async () => {
  // Loaded only now: evaluating Next's modules blocked the server's loop for a moment just as redis became ready.
  const { default: next } = await import("next");
  const app = next({ dev, hostname, port, dir: rootDir });
  await app.prepare();
  return app.getRequestHandler();
});

function refuse(request: http.IncomingMessage, response: http.ServerResponse, refusal: Refusal): void {
  const payload = JSON.stringify({ error: refusal.error });
  // A body still on its way is drained, and the connection not kept for another request.
  request.resume();
  const close = request.complete ? {} : { connection: "close" };
  response.writeHead(refusal.status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(payload), ...close });
  response.end(payload);
}

/** The class's sockets, once socket.io is loaded. */
let classroomSockets: ReturnType<typeof wireClassroomSockets> | undefined;
const admitToClassroom = classroomMode ? classroomGate(classroomMode.classroom, () => classroomSockets?.dropAudience()) : () => false;

const secure = withSecurityHeaders(dev);
const httpServer = http.createServer((request, response) => {
  secure(response);
  // The path as sent: "/api/sandbox/../x" stays the control API's (and is a JSON 404), never another route.
  const pathname = requestPath(request.url);
  const acting = isControlPath(pathname) || isStorefrontPath(pathname);
  const refusal = acting ? sameOrigin.request(request.method ?? "GET", request.headers) : sameOrigin.host(request.headers);
  if (refusal) return refuse(request, response, refusal);
  if (classroomMode ? admitToClassroom(request, response, pathname) : answerClassroomOff(request, response, pathname)) return;
  if (isControlPath(pathname)) void handleControl(request, response, pathname);
  else if (isStorefrontPath(pathname)) handleStorefront(request, response);
  else void nextHandler.then((handleNext) => handleNext(request, response));
});

httpServer.listen(port, hostname, () => {
  console.log(`Architecture Sandbox on http://localhost:${port} (Node ${process.versions.node}) — starting the shop's services...`);
  if (classroomMode) console.log(classroomMode.banner());
});

// A socket that comes before socket.io is loaded waits for it (every client of the app uses the websocket transport).
// Handed over for an upgrade, it has no error listener of the HTTP server's any more: one that breaks while it waits
// is only closed, instead of being an uncaught error that would end the app.
const earlyUpgrades: Array<[http.IncomingMessage, Duplex, Buffer]> = [];
function closeOnError(this: Duplex): void {
  this.destroy();
}
function holdUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on("error", closeOnError);
  earlyUpgrades.push([request, socket, head]);
}
httpServer.on("upgrade", holdUpgrade);

// The live stream tells who shops and where every service listens: only the app's own pages may open it. socket.io is
// loaded once the services are up, as Next is: its ~0.1 s of loading on a small machine would slow the eight
// booting processes beside it, and no page can open a socket before Next has served it.
await sandboxStarting.catch(() => {});
const { Server } = await import("socket.io");
// The stream's namespace ("/") is the server's own; in classroom mode the class has "/classroom" beside it.
const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
  // Once per connection, whichever namespaces it then opens (a page's two sockets may share one): each namespace
  // admits its sockets again, by role and count (lib/classroom/classroom-sockets.ts).
  allowRequest: (request, callback) => {
    const refusal = sameOrigin.request("GET", request.headers)?.error ?? (classroomMode && socketRefusal(classroomMode.classroom, request.headers));
    callback(refusal || null, !refusal);
  },
});
httpServer.off("upgrade", holdUpgrade);
for (const [request, socket, head] of earlyUpgrades.splice(0)) {
  socket.off("error", closeOnError);
  if (!socket.destroyed) httpServer.emit("upgrade", request, socket, head);
}
io.on("connection", (socket) => {
  socket.emit("snapshot", { state: sandbox.state(), recentEvents: sandbox.hub.recent() });
  socket.emit("lesson", instruments.lessons.view());
});
instruments.lessons.onChange((run) => io.emit("lesson", run));
if (classroomMode) classroomSockets = wireClassroomSockets(io, classroomMode.classroom);
sandbox.hub.subscribe((batch) => io.emit("events", batch));
sandbox.onState((state) => io.emit("state", state));

await Promise.all([sandboxStarting, nextHandler]);
const { services } = sandbox.state();
console.log(`${services.filter((service) => service.status === "healthy").length}/${services.length} services healthy`);
