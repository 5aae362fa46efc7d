// What the supervisor tells a service process at start, read once from its environment.
import { randomBytes } from "node:crypto";
import type { StackId } from "../../../lib/contract/events";

export interface ServiceEnvironment {
  serviceId: string;
  stack: StackId;
  instanceId: string;
  version: number;
  /** 0 lets the system choose a free port; the service reports the one it got. */
  port: number;
  /** This service's own data folder: its database. */
  dataDir: string;
  /** The broker: a unix socket path or a redis:// URL; absent for the monolith, whose events stay in the process. */
  redis?: { path: string } | { url: string };
  /** This stack's key for session tokens: new at every sandbox reset, different for each stack. */
  tokenSecret: string;
  /** This stack's key on calls between its services (SERVICE_SECRET). */
  serviceSecret: string;
  /** This release is broken on purpose (a crash-on-start fault): it must die at boot. */
  crashOnStart: boolean;
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): ServiceEnvironment {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set: services are started by the sandbox supervisor`);
    return value;
  };
  return {
    serviceId: required("SERVICE_ID"),
    stack: env.STACK === "monolith" ? "monolith" : "microservices",
    instanceId: env.INSTANCE_ID ?? `${required("SERVICE_ID")}-standalone`,
    version: Number(env.SERVICE_VERSION ?? "1"),
    port: Number(env.PORT ?? "0"),
    dataDir: required("DATA_DIR"),
    redis: env.REDIS_PATH ? { path: env.REDIS_PATH } : env.REDIS_URL ? { url: env.REDIS_URL } : undefined,
    tokenSecret: required("TOKEN_SECRET"),
    // Started by hand without one: a key nobody knows, so it takes no service calls rather than anyone's.
    serviceSecret: env.SERVICE_SECRET || randomBytes(32).toString("hex"),
    crashOnStart: env.CRASH_ON_START === "1",
  };
}
