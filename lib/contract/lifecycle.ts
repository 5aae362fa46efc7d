// The life of one service process as data: which status may follow which, and what each action needs.
import type { ServiceStatus } from "./services";
import type { ServiceAction, ServiceView, StackView } from "./control";

/** Every allowed transition. Anything not listed is impossible, and the supervisor refuses it. */
export const TRANSITIONS: Readonly<Record<ServiceStatus, readonly ServiceStatus[]>> = {
  // A new process: up and answering /health, or dead before it got there, or stopped on the way.
  starting: ["healthy", "crashed", "stopping"],
  healthy: ["unhealthy", "stopping", "crashed"],
  unhealthy: ["healthy", "stopping", "crashed"],
  // A stop or kill was asked for; the exit ends it.
  stopping: ["stopped"],
  stopped: ["starting"],
  crashed: ["starting"],
};

/** How a reason begins when the readiness probe, not liveness, made an instance unhealthy: the screens say "not ready". */
export const NOT_READY_REASON = "alive but not ready";
export const isNotReady = (status: ServiceStatus, reason: string): boolean => status === "unhealthy" && reason.startsWith(NOT_READY_REASON);

export function canTransition(from: ServiceStatus, to: ServiceStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Everything the supervisor can be asked to do to a service. */
export type SupervisorAction = ServiceAction | "scale";

/** Which statuses each user action can be taken from. */
export const ACTION_FROM: Readonly<Record<SupervisorAction, readonly ServiceStatus[]>> = {
  start: ["stopped", "crashed"],
  stop: ["starting", "healthy", "unhealthy"],
  kill: ["starting", "healthy", "unhealthy", "stopping"],
  redeploy: ["healthy", "unhealthy", "stopped", "crashed"],
  // Scaling a stopped service only sets how many instances its next start runs.
  scale: ["healthy", "unhealthy", "stopped", "crashed"],
};

/** What the broker may not be asked, and why: it runs as one process and is no module of the shop. */
export const BROKER_REFUSALS = {
  scale: "the broker runs as one instance: it cannot be scaled",
  fault: "faults target a module of the shop (e.g. payment-service); redis is the broker, not one",
} as const;

export function actionAllowed(action: SupervisorAction, status: ServiceStatus): boolean {
  return ACTION_FROM[action].includes(status);
}

/** Why an action cannot be taken, in words, or undefined when it can. */
export function refusal(service: string, action: SupervisorAction, status: ServiceStatus): string | undefined {
  if (actionAllowed(action, status)) return undefined;
  return `cannot ${action} ${service} while it is ${status}: ${action} is possible when it is ${ACTION_FROM[action].join(", ")}`;
}

/** Whether a process in this status is alive (has a pid the supervisor owns). */
export const isAlive = (status: ServiceStatus): boolean => status === "starting" || status === "healthy" || status === "unhealthy" || status === "stopping";

/**
 * A stack's status from its services': running when all are healthy, starting while one starts, stopped when none is
 * healthy, degraded between. One rule for the live state and for a moment rebuilt from a recording.
 */
export function stackStatusOf(services: readonly Pick<ServiceView, "status">[]): StackView["status"] {
  const healthy = services.filter((service) => service.status === "healthy").length;
  if (healthy === services.length) return "running";
  if (services.some((service) => service.status === "starting")) return "starting";
  return healthy === 0 ? "stopped" : "degraded";
}
