// How each process of the microservices stack is launched: the shop's services and the sandbox's redis-server.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ServiceDefinition } from "./supervisor";
import type { LaunchSpec } from "./instance";
import { pingRedis, redisArgs, socketPath } from "./broker";
import { BROKER_ID, MONOLITH_ID } from "../../contract/services";
import { serviceEnvironment, serviceNodeFlags } from "./service-node-flags";
import { answersHealth } from "./health-probe";

/** How long one health probe may take before it counts as a failure. */
export const HEALTH_TIMEOUT_MS = 1_000;

export interface StackPaths {
  /** The project root, where .build/services holds the compiled services. */
  rootDir: string;
  /** This run's private data folder. */
  dataDir: string;
}

/** A Node process built from sandbox-services/<id>: it reports its port over IPC and answers /health and /ready. */
function nodeServiceDefinition(id: string, paths: StackPaths, env: Record<string, string>): ServiceDefinition {
  return {
    id,
    kind: "service",
    launch: (version, instanceId): LaunchSpec => ({
      command: process.execPath,
      args: [...serviceNodeFlags(), path.join(paths.rootDir, ".build", "services", `${id}.mjs`)],
      env: { ...serviceEnvironment(id), SERVICE_ID: id, INSTANCE_ID: instanceId, SERVICE_VERSION: String(version), PORT: "0", NODE_ENV: "production", ...env },
      readiness: { kind: "ipc" },
      health: (instance) => answersHealth(instance.address, HEALTH_TIMEOUT_MS),
      ready: (instance) => answersHealth(instance.address, HEALTH_TIMEOUT_MS, "/ready"),
    }),
  };
}

/** One service of the microservices stack: its own data folder (database per service), the shared broker. */
/** Its keys (TOKEN_SECRET, SERVICE_SECRET) are added at each launch by the sandbox: they change at a reset. */
export function shopServiceDefinition(id: string, paths: StackPaths, broker: { path: string } | { url: string }): ServiceDefinition {
  return nodeServiceDefinition(id, paths, {
    STACK: "microservices",
    DATA_DIR: path.join(paths.dataDir, "microservices", id),
    ...("path" in broker ? { REDIS_PATH: broker.path } : { REDIS_URL: broker.url }),
  });
}

/** The monolith: every module in one process, one data folder for all of them, no broker. */
export function monolithDefinition(paths: StackPaths): ServiceDefinition {
  return nodeServiceDefinition(MONOLITH_ID, paths, { STACK: "monolith", DATA_DIR: path.join(paths.dataDir, "monolith") });
}

export function redisDefinition(paths: StackPaths): ServiceDefinition {
  const dir = path.join(paths.dataDir, "redis");
  return {
    id: BROKER_ID,
    kind: "broker",
    launch: (): LaunchSpec => (mkdirSync(dir, { recursive: true }), {
      command: "redis-server",
      args: redisArgs(dir),
      env: {},
      readiness: { kind: "log", readyLine: /ready to accept connections/i },
      health: () => pingRedis({ path: socketPath(dir) }),
      address: socketPath(dir),
    }),
  };
}
