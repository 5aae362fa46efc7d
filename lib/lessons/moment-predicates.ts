// A look back: the learner rewinds, or plays the present in slow motion, stops on a moment and marks it; the check
// reads that moment in the telemetry the run kept — which job was in flight then, which service was down, whether the
// shopper had the answer — so it passes on what the moment shows, not on the marking.
import type { HttpEvent, LifecycleEvent, QueueEvent, TelemetryEvent } from "../contract/events";
import type { PredicateSpec } from "../contract/lessons";
import { outcome, type CheckInput, type CheckOutcome } from "./check-input";

type Spec = Extract<PredicateSpec, { is: "momentFound" }>;

/** What the moment showed of the job that makes it the one asked for. */
interface Finding {
  job: QueueEvent;
  /** Who had taken it, when a consumer had: the one that reported it, or the service down then. */
  takenBy: string | null;
  sinceDownMs?: number;
  sinceAnswerMs?: number;
}

const DOWN: ReadonlySet<string> = new Set(["stopping", "stopped", "crashed"]);

/**
 * Jobs of the queue published (or taken) by `at` and not yet done then: the last word on each by `at`, and whether a
 * consumer had taken it. A process killed the moment it took a job may never get to report taking it; the job's
 * stalling later, or its coming back as a second attempt, says it was taken all the same.
 */
function jobsInFlight(spec: Spec, events: readonly TelemetryEvent[], at: number): Array<{ last: QueueEvent; taken: boolean }> {
  const byJob = new Map<string, { last: QueueEvent; later: QueueEvent[] }>();
  for (const event of events) {
    if (event.type !== "queue" || event.stack !== spec.stack || event.queue !== spec.queue) continue;
    const seen = byJob.get(event.jobId);
    if (event.ts <= at) byJob.set(event.jobId, { last: event, later: [] });
    else seen?.later.push(event);
  }
  return [...byJob.values()]
    .filter(({ last }) => last.state !== "completed" && last.state !== "failed")
    .map(({ last, later }) => ({ last, taken: last.state === "active" || (last.state !== "stalled" && later.some((event) => event.state === "stalled" || (event.attempt > last.attempt && event.state === "active"))) }));
}

/** The service's last lifecycle move at or before `at`, when it left it down. */
function downAt(spec: Spec, events: readonly TelemetryEvent[], at: number): LifecycleEvent | undefined {
  const moves = events.filter((event): event is LifecycleEvent => event.type === "lifecycle" && event.stack === spec.stack && event.service === spec.serviceDown && event.ts <= at);
  const last = moves.at(-1);
  if (!last || !DOWN.has(last.to)) return undefined;
  // From the first move of this outage: the kill, not the exit that followed it.
  let first = last;
  for (let index = moves.length - 1; index >= 0 && DOWN.has(moves[index].to); index--) first = moves[index];
  return first;
}

/** The answer the shopper got for the order whose trace carries the job, at or before `at`. */
const answerOf = (traceId: string, events: readonly TelemetryEvent[], at: number) =>
  events.find((event): event is HttpEvent => event.type === "http" && event.from === "client" && event.traceId === traceId && event.ts <= at);

/** The job the moment shows that fits the spec, or why none does, in words. */
export function readMoment(spec: Spec, events: readonly TelemetryEvent[], at: number): Finding | string {
  const down = spec.serviceDown ? downAt(spec, events, at) : undefined;
  if (spec.serviceDown && !down) return `${spec.serviceDown} was running at that moment`;
  const all = jobsInFlight(spec, events, at);
  if (all.length === 0) return `no job of ${spec.queue} was in flight at that moment`;
  // With a service down, the job asked for is one it had taken and never finished: one still waiting is not it.
  const inFlight = spec.serviceDown ? all.filter(({ taken }) => taken) : all;
  if (inFlight.length === 0) return `${spec.serviceDown} held no job of ${spec.queue} then (${all.length} waiting in the queue)`;
  for (const { last, taken } of inFlight) {
    const answer = spec.answered ? answerOf(last.traceId, events, at) : undefined;
    if (spec.answered && !answer) continue;
    return { job: last, takenBy: taken ? (last.state === "active" ? last.service : (spec.serviceDown ?? "a consumer")) : null, ...(down && { sinceDownMs: at - down.ts }), ...(answer && { sinceAnswerMs: at - answer.ts }) };
  }
  return `${inFlight.length} job${inFlight.length === 1 ? "" : "s"} of ${spec.queue} in flight then, but no shopper had been answered for ${inFlight.length === 1 ? "it" : "any"} yet`;
}

export function momentFound(spec: Spec, input: CheckInput): CheckOutcome {
  const label = [
    `the moment you marked shows a job of ${spec.queue} in flight`,
    spec.serviceDown && `with ${spec.serviceDown} down`,
    spec.answered && "after the shopper had the answer",
  ]
    .filter(Boolean)
    .join(", ");
  if (input.moment === null) return outcome(false, label, "rewind or play in slow motion, stop on the moment and mark it");
  const found = readMoment(spec, input.events, input.moment.at);
  if (typeof found === "string") return outcome(false, label, `not that moment: ${found}`);
  const figures = {
    "moment.job": found.job.job,
    "moment.state": found.takenBy ? `taken by ${found.takenBy}` : "waiting in the queue",
    "moment.attempt": found.job.attempt,
    ...(found.sinceDownMs !== undefined && { "moment.sinceDownMs": found.sinceDownMs }),
    ...(found.sinceAnswerMs !== undefined && { "moment.sinceAnswerMs": found.sinceAnswerMs }),
  };
  // Met, the label says what the moment showed: the job, where it was, and how long after the kill or the answer.
  const after = found.sinceDownMs !== undefined ? `, ${found.sinceDownMs} ms after ${spec.serviceDown} went down` : found.sinceAnswerMs !== undefined ? `, ${found.sinceAnswerMs} ms after the shopper had the answer` : "";
  const where = found.takenBy ? `taken from ${spec.queue} by ${found.takenBy}` : `waiting in ${spec.queue}`;
  return outcome(true, `the moment you marked shows ${found.job.job} ${where}${after}`, "", figures, input.moment.markedAt);
}

/**
 * "Show me": a moment the run kept that the check accepts, in the middle of the first stretch of them — tried at every
 * event and just after it, since what a moment shows changes only at an event. Null when the run holds no such moment.
 */
export function firstMoment(spec: Spec, events: readonly TelemetryEvent[]): number | null {
  const times = [...new Set(events.filter((event) => event.type === "queue" || event.type === "lifecycle" || (event.type === "http" && event.from === "client")).flatMap((event) => [event.ts, event.ts + 1]))].sort((a, b) => a - b);
  const accepted = (at: number) => typeof readMoment(spec, events, at) !== "string";
  const first = times.findIndex(accepted);
  if (first < 0) return null;
  // The stretch lasts until the next event that changes it: its last accepted time, and up to just before the next one.
  let last = first;
  while (last + 1 < times.length && accepted(times[last + 1])) last++;
  const end = last + 1 < times.length ? times[last + 1] - 1 : times[last];
  return Math.round((times[first] + end) / 2);
}
