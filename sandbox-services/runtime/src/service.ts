// Boots one microservice: one module of the shop behind its HTTP server, its inbox consumer and publisher, its database.
import type { Worker } from "bullmq";
import { BULL_PREFIX, displayName, type ShopServiceId } from "../../../lib/contract/service-names";
import type { ServiceEnvironment } from "./environment";
import { createServiceClient, type ServiceClient } from "./http-client";
import { runProcess } from "./process";
import { brokerConnection } from "../../../lib/contract/broker";
import { createConsumer, createPublisher, type EventHandlers, type Publisher } from "./queues";
import type { Routes } from "./router";
import { databaseFile } from "../../../lib/contract/databases";
import { databaseAnswers, openDatabase, type Database } from "./database";

/** What a service's own code gets handed: its dependencies, never globals. */
export interface ServiceContext {
  env: ServiceEnvironment;
  /** The service's own SQLite database, one file shared by its replicas. */
  db: Database;
  client: ServiceClient;
  publisher: Publisher;
}

/** One microservice as its main.ts describes it (how the supervisor launches a process is lib/sandbox's ServiceDefinition). */
export interface MicroserviceSpec {
  id: ShopServiceId;
  /** Builds the service's routes and event handlers from its dependencies. */
  create(context: ServiceContext): { routes: Routes; handlers?: EventHandlers; start?: () => () => void };
}

function brokerOf(env: ServiceEnvironment): NonNullable<ServiceEnvironment["redis"]> {
  if (!env.redis) throw new Error("REDIS_PATH or REDIS_URL is not set: services are started by the sandbox supervisor");
  return env.redis;
}

export async function runService(definition: MicroserviceSpec): Promise<void> {
  await runProcess((env) => {
    const connection = brokerConnection(brokerOf(env));
    const context: ServiceContext = {
      env,
      db: openDatabase(databaseFile(env.dataDir, env.serviceId)),
      client: createServiceClient(env.serviceId, env.stack, env.serviceSecret),
      publisher: createPublisher(env.serviceId, env.stack, connection, BULL_PREFIX),
    };
    const { routes, handlers, start } = definition.create(context);
    return {
      healthMessage: `${displayName(definition.id)} is running`,
      // The gateway is the shop's front door; every other service answers only its own stack.
      publicRoutes: definition.id === "api-gateway",
      routes,
      ready: databaseAnswers(context.db),
      start() {
        const worker: Promise<Worker> | undefined = handlers ? createConsumer(definition.id, env.stack, connection, BULL_PREFIX, handlers) : undefined;
        const stopBackground = start?.();
        return async () => {
          stopBackground?.();
          await Promise.allSettled([worker?.then((consumer) => consumer.close()), context.publisher.close()]);
        };
      },
    };
  });
}
