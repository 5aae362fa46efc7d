// The one place where Next, socket.io and the sandbox are wired together, and where the app ends cleanly.
import http from "node:http";
import path from "node:path";
import next from "next";
import { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "./lib/contract/socket";
import { killAllChildrenNow } from "./lib/sandbox/child-process";
import { controlApi, isControlPath } from "./lib/sandbox/control-api";
import { createExtras } from "./lib/sandbox/extras";
import { Sandbox } from "./lib/sandbox/sandbox";
import { ArchitectureSchema } from "./lib/contract/services";
import { isStorefrontPath, storefrontProxy } from "./lib/sandbox/storefront-proxy";

const port = Number(process.env.PORT ?? 3000);
const hostname = "127.0.0.1";
const dev = process.env.NODE_ENV !== "production";
const rootDir = path.dirname(new URL(import.meta.url).pathname);

// Whatever happens, no child outlives us: the exit hook is synchronous and SIGKILLs what is left.
process.on("exit", killAllChildrenNow);

const architecture = ArchitectureSchema.safeParse(process.env.SANDBOX_ARCHITECTURE ?? "microservices");
if (!architecture.success) {
  console.error(`SANDBOX_ARCHITECTURE must be microservices, monolith or both, not "${process.env.SANDBOX_ARCHITECTURE}"`);
  process.exit(2);
}
const sandbox = new Sandbox({ rootDir, dataDir: process.env.SANDBOX_DATA_DIR, redisUrl: process.env.REDIS_URL, architecture: architecture.data });
const extras = createExtras(sandbox);
const app = next({ dev, hostname, port, dir: rootDir });
const handleControl = controlApi(sandbox, extras);
const handleStorefront = storefrontProxy(
  (stack) => sandbox.entryPoints(stack),
  (stack, method, path, status) => sandbox.incidents.shopperRequest(stack, method, path, status),
);

let shuttingDown = false;
async function shutdown(signal: string, code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal}: stopping the sandbox's processes...`);
  const forced = setTimeout(() => process.exit(code), 10_000);
  forced.unref();
  extras.dispose();
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

const sandboxStarting = sandbox.start();
await app.prepare();
const handleNext = app.getRequestHandler();

const httpServer = http.createServer((request, response) => {
  const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
  if (isControlPath(pathname)) void handleControl(request, response, pathname);
  else if (isStorefrontPath(pathname)) handleStorefront(request, response);
  else void handleNext(request, response);
});

const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer);
io.on("connection", (socket) => {
  socket.emit("snapshot", { state: sandbox.state(), recentEvents: sandbox.hub.recent() });
  socket.emit("lesson", extras.lessons.view());
});
extras.lessons.onChange((run) => io.emit("lesson", run));
sandbox.hub.subscribe((batch) => io.emit("events", batch));
sandbox.onState((state) => io.emit("state", state));

httpServer.listen(port, hostname, () => {
  console.log(`Architecture Sandbox on http://localhost:${port} — starting the shop's services...`);
});
await sandboxStarting;
const { services } = sandbox.state();
console.log(`${services.filter((service) => service.status === "healthy").length}/${services.length} services healthy`);
