// What every shop process does around its own work, a microservice or the monolith alike: follow the supervisor
// over IPC, answer HTTP with /health and /ready, report ready, and leave cleanly on SIGTERM or when the supervisor is gone.
import type { ChildMessage } from "../../../lib/contract/ipc";
import { readEnvironment, type ServiceEnvironment } from "./environment";
import { setFaults } from "./faults";
import { reportDatabaseSpans } from "./database-spans";
import { createHttpServer, listen } from "./http-server";
import { log } from "./log";
import { readParentMessage } from "./parent-message";
import { outsideTrace } from "./trace";
import { setRegistry } from "./registry";
import { setResilience } from "./resilience";
import type { Routes } from "./router";
import { flush } from "./telemetry";
import { driveTelemetryOnSignal } from "./telemetry-drive";

/** Gives in-flight requests this long to finish on SIGTERM before the process leaves anyway. */
export const SHUTDOWN_GRACE_MS = 3_000;
/** The background work starts by then even if no health check came (a process run without the supervisor). */
export const WORK_START_FALLBACK_MS = 1_000;

/** What one process serves, built from its environment. */
export interface ProcessParts {
  /** The `GET /health` answer, e.g. "Order Service is running". */
  healthMessage: string;
  routes: Routes;
  /** Routes anyone may call (the storefront of the gateway or the monolith); otherwise only the stack's services. */
  publicRoutes?: boolean;
  /** Throws when the process cannot do its work now; `GET /ready` answers 200 otherwise. */
  ready?: () => void;
  /** Starts the work beside the HTTP server (queue consumers, an outbox) once it answered its first health check; returns how to stop it. */
  start(): () => Promise<void>;
}

/** A crash-on-start fault was in force when this version was deployed: it dies at boot, as a bad release does. */
export function crashIfBadRelease(env: ServiceEnvironment): void {
  if (!env.crashOnStart) return;
  log.error(`${env.serviceId} v${env.version} failed at start: this release is broken (an injected crash-on-start fault)`);
  process.exit(1);
}

/** Applies what the supervisor sends (registry, faults, resilience), and leaves when it is gone. */
function followSupervisor(env: ServiceEnvironment): void {
  process.on("message", (raw) => {
    const message = readParentMessage(raw);
    if (!message) return;
    if (message.type === "registry") setRegistry(message.registry);
    else if (message.type === "faults") setFaults(message.faults, env.stack);
    else setResilience(message.resilience);
  });
  // The supervisor is gone (even SIGKILLed): so must we be, or we would outlive the app.
  process.on("disconnect", () => process.exit(0));
}

export async function runProcess(build: (env: ServiceEnvironment) => ProcessParts): Promise<void> {
  const env = readEnvironment();
  crashIfBadRelease(env);
  const parts = build(env);
  followSupervisor(env);
  driveTelemetryOnSignal(env.serviceId, env.stack);
  reportDatabaseSpans(env.serviceId, env.stack);

  // The background work waits for the first health check: a queue consumer loads BullMQ (2 MB of code), and compiling
  // it while the supervisor's first probe waits would hold every (re)start of a queue service back by that long.
  let stopping = false;
  let stopWork: (() => Promise<void>) | undefined;
  // Started from the first health check's callback, the work would otherwise carry that request's trace for good:
  // every outbox round's statements would be reported as spans of one health check.
  const startWork = () => {
    if (stopping || stopWork) return;
    stopWork = outsideTrace(() => parts.start());
  };
  const server = createHttpServer({ serviceId: env.serviceId, stack: env.stack, healthMessage: parts.healthMessage, routes: parts.routes, serviceSecret: env.serviceSecret, publicRoutes: parts.publicRoutes ?? false, onHealthCheck: () => setImmediate(startWork), ready: parts.ready });
  const port = await listen(server, env.port);
  setTimeout(startWork, WORK_START_FALLBACK_MS).unref();

  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log.info(`${env.serviceId} v${env.version} shutting down`);
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    const workStopped = stopWork?.() ?? Promise.resolve();
    server.close();
    server.closeIdleConnections();
    await workStopped.catch((error) => log.warn(`stopping ${env.serviceId}: ${error instanceof Error ? error.message : String(error)}`));
    flush();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  log.info(`${env.serviceId} v${env.version} listening on 127.0.0.1:${port} (Node ${process.versions.node})`);
  const ready: ChildMessage = { type: "ready", port };
  process.send?.(ready);
}
