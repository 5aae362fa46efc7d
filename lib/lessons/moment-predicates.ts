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
  taken: boolean;
  sinceDownMs?: number;
  sinceAnswerMs?: number;
}

const DOWN: ReadonlySet<string> = new Set(["stopping", "stopped", "crashed"]);

/** Jobs of the queue published (or taken) by `at` and not yet done then: the last word on each, by job id. */
function jobsInFlight(spec: Spec, events: readonly TelemetryEvent[], at: number): Array<{ last: QueueEvent; first: QueueEvent }> {
  const byJob = new Map<string, { first: QueueEvent; last: QueueEvent }>();
  for (const event of events) {
    if (event.type !== "queue" || event.stack !== spec.stack || event.queue !== spec.queue || event.ts > at) continue;
    const seen = byJob.get(event.jobId);
    byJob.set(event.jobId, { first: seen?.first ?? event, last: event });
  }
  return [...byJob.values()].filter(({ last }) => last.state !== "completed" && last.state !== "failed");
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
  const inFlight = jobsInFlight(spec, events, at);
  if (inFlight.length === 0) return `no job of ${spec.queue} was in flight at that moment`;
  for (const { last } of inFlight) {
    const answer = spec.answered ? answerOf(last.traceId, events, at) : undefined;
    if (spec.answered && !answer) continue;
    return { job: last, taken: last.state === "active", ...(down && { sinceDownMs: at - down.ts }), ...(answer && { sinceAnswerMs: at - answer.ts }) };
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
    "moment.state": found.taken ? `taken by ${found.job.service}` : "waiting in the queue",
    "moment.attempt": found.job.attempt,
    ...(found.sinceDownMs !== undefined && { "moment.sinceDownMs": found.sinceDownMs }),
    ...(found.sinceAnswerMs !== undefined && { "moment.sinceAnswerMs": found.sinceAnswerMs }),
  };
  // Met, the label says what the moment showed: the job, where it was, and how long after the kill or the answer.
  const after = found.sinceDownMs !== undefined ? `, ${found.sinceDownMs} ms after ${spec.serviceDown} went down` : found.sinceAnswerMs !== undefined ? `, ${found.sinceAnswerMs} ms after the shopper had the answer` : "";
  return outcome(true, `the moment you marked shows ${found.job.job} ${found.taken ? `taken by ${found.job.service}` : "waiting in"} ${spec.queue}${after}`, "", figures, input.moment.markedAt);
}

/**
 * "Show me": the first moment the run kept that the check accepts — tried at every event and just after it, since a
 * job is in flight from one event until the next one on it. Null when the run holds no such moment.
 */
export function firstMoment(spec: Spec, events: readonly TelemetryEvent[]): number | null {
  const times = [...new Set(events.filter((event) => event.type === "queue" || event.type === "lifecycle" || (event.type === "http" && event.from === "client")).flatMap((event) => [event.ts, event.ts + 1]))].sort((a, b) => a - b);
  return times.find((at) => typeof readMoment(spec, events, at) !== "string") ?? null;
}
