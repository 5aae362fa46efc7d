// How an event turned out, in the few words the graph's colours and the event stream use.
import type { TelemetryEvent } from "../contract/events";

/**
 * success: a call answered 2xx/3xx · refused: the shop said no (4xx) or a job will be retried ·
 * failure: an error answer (5xx), no answer at all, a failed or stalled job, a crash · message: a queue job moving.
 */
export type Outcome = "success" | "refused" | "failure" | "message" | "info";

export function outcomeOf(event: TelemetryEvent): Outcome {
  switch (event.type) {
    case "http":
      if (event.status === 0 || event.status >= 500) return "failure";
      return event.status >= 400 ? "refused" : "success";
    case "queue":
      if (event.state === "failed" || event.state === "stalled") return "failure";
      return event.state === "retry" ? "refused" : "message";
    case "lifecycle":
      return event.to === "crashed" ? "failure" : "info";
    case "log":
      return event.level === "error" ? "failure" : event.level === "warn" ? "refused" : "info";
    case "circuit":
      return event.state === "open" ? "failure" : event.state === "half-open" ? "refused" : "info";
    case "db":
      return event.error ? "refused" : "info";
  }
}

export const isFailure = (event: TelemetryEvent): boolean => outcomeOf(event) === "failure";
