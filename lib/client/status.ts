// A service's status as a person reads it: a symbol and a word, so it never depends on colour alone.
import type { ServiceStatus } from "../contract/services";

export const STATUS_SYMBOL: Record<ServiceStatus, string> = {
  starting: "◌",
  healthy: "●",
  unhealthy: "▲",
  stopping: "◌",
  stopped: "■",
  crashed: "✕",
};

/** The four groups the legend explains: up, on its way, in trouble, down. */
export const STATUS_TONE: Record<ServiceStatus, "ok" | "busy" | "warn" | "down" | "bad"> = {
  healthy: "ok",
  starting: "busy",
  stopping: "busy",
  unhealthy: "warn",
  stopped: "down",
  crashed: "bad",
};

