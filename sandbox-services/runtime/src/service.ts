// Boots one microservice: its HTTP server, its inbox consumer and publisher, its store; and ends it cleanly.
import type { Worker } from "bullmq";
import { ParentMessageSchema, type ChildMessage } from "../../../lib/contract/ipc";
import { BULL_PREFIX, displayName, type ShopServiceId } from "../../../lib/contract/services";
import { readEnvironment, type ServiceEnvironment } from "./environment";
import { createServiceClient, type ServiceClient } from "./http-client";
import { createHttpServer, listen } from "./http-server";
import { log } from "./log";
import { brokerConnection, createConsumer, createPublisher, type EventHandlers, type Publisher } from "./queues";
import { setFaults } from "./faults";
import { setRegistry } from "./registry";
import { setResilience } from "./resilience";
import type { Routes } from "./router";
import { openStore, type Store } from "./store";
import { flush } from "./telemetry";

/** What a service's own code gets handed: its dependencies, never globals. */
export interface ServiceContext {
  env: ServiceEnvironment;
  store: Store;
  client: ServiceClient;
  publisher: Publisher;
}

export interface ServiceDefinition {
  id: ShopServiceId;
  /** Builds the service's routes and event handlers from its dependencies. */
  create(context: ServiceContext): { routes: Routes; handlers?: EventHandlers; start?: () => () => void };
}

/** A crash-on-start fault was in force when this version was deployed: it dies at boot, as a bad release does. */
export function crashIfBadRelease(env: ServiceEnvironment): void {
  if (!env.crashOnStart) return;
  log.error(`${env.serviceId} v${env.version} failed at start: this release is broken (an injected crash-on-start fault)`);
  process.exit(1);
}

/** Gives in-flight requests this long to finish on SIGTERM before the process leaves anyway. */
const SHUTDOWN_GRACE_MS = 3_000;


export async function runService(definition: ServiceDefinition): Promise<void> {
  const env = readEnvironment();
  crashIfBadRelease(env);
  const connection = brokerConnection(env.redis);
  const context: ServiceContext = {
    env,
    store: openStore(env.dataDir),
    client: createServiceClient(env.serviceId, env.stack),
    publisher: createPublisher(env.serviceId, env.stack, connection, BULL_PREFIX),
  };
  const { routes, handlers, start } = definition.create(context);

  process.on("message", (raw) => {
    const message = ParentMessageSchema.safeParse(raw);
    if (!message.success) return;
    if (message.data.type === "registry") setRegistry(message.data.registry);
    else if (message.data.type === "faults") setFaults(message.data.faults, env.stack);
    else setResilience(message.data.resilience);
  });
  // The supervisor is gone (even SIGKILLed): so must we be, or we would outlive the app.
  process.on("disconnect", () => process.exit(0));

  const server = createHttpServer({ serviceId: env.serviceId, stack: env.stack, healthMessage: `${displayName(definition.id)} is running`, routes });
  const port = await listen(server, env.port);
  const worker: Worker | undefined = handlers ? createConsumer(definition.id, env.stack, connection, BULL_PREFIX, handlers) : undefined;
  const stopBackground = start?.();

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log.info(`${env.serviceId} v${env.version} shutting down`);
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    stopBackground?.();
    server.close();
    server.closeIdleConnections();
    await Promise.allSettled([worker?.close(), context.publisher.close()]);
    flush();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  log.info(`${env.serviceId} v${env.version} listening on 127.0.0.1:${port}`);
  const ready: ChildMessage = { type: "ready", port };
  process.send?.(ready);
}
