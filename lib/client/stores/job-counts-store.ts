// Queue jobs each consumer finished over the last seconds, so a service that only drains its inbox is not shown as idle.
import { createStore } from "zustand/vanilla";
import type { TelemetryEvent } from "../../contract/events";
import { MONOLITH_ID } from "../../contract/services";
import { METRICS_WINDOW_MS } from "../metrics";
import { nodeIdIn } from "../topology";

/** Per consumer (a microservice id, or "monolith/<module>", and "monolith" for the whole process): when each job ended. */
export type JobTimes = Readonly<Record<string, readonly { ts: number; failed: boolean }[]>>;

/** Finished jobs kept per consumer: 10 s of a busy inbox. Beyond, the oldest go and the count covers less time. */
export const MAX_JOBS_KEPT = 5_000;

export interface JobCounts {
  /** Jobs that ended (completed, failed or to be retried) in the window. */
  handled: number;
  failed: number;
  perSecond: number;
}

function keysOf(event: TelemetryEvent & { type: "queue" }): string[] {
  return event.stack === "microservices" ? [event.service] : [nodeIdIn("monolith", event.service), MONOLITH_ID];
}

/** Adds the batch's finished jobs and forgets those out of the window; returns the same object when nothing changed. */
export function recordJobs(times: JobTimes, events: readonly TelemetryEvent[], now: number, windowMs = METRICS_WINDOW_MS): JobTimes {
  let next: Record<string, { ts: number; failed: boolean }[]> | null = null;
  for (const event of events) {
    if (event.type !== "queue" || (event.state !== "completed" && event.state !== "failed" && event.state !== "retry")) continue;
    next ??= Object.fromEntries(Object.entries(times).map(([key, list]) => [key, list.filter((job) => job.ts >= now - windowMs)]));
    for (const key of keysOf(event)) {
      const list = (next[key] ??= []);
      list.push({ ts: event.ts, failed: event.state !== "completed" });
      if (list.length > MAX_JOBS_KEPT) list.splice(0, list.length - MAX_JOBS_KEPT);
    }
  }
  return next ?? times;
}

export function jobCounts(times: JobTimes, key: string, now: number, windowMs = METRICS_WINDOW_MS): JobCounts {
  const recent = (times[key] ?? []).filter((job) => job.ts >= now - windowMs);
  return { handled: recent.length, failed: recent.filter((job) => job.failed).length, perSecond: recent.length / (windowMs / 1000) };
}

export const jobsStore = createStore<JobTimes>()(() => ({}));

export function recordJobsSeen(events: readonly TelemetryEvent[]): void {
  const now = Date.now();
  jobsStore.setState((times) => recordJobs(times, events, now), true);
}
