// What a timeline marks in a recording: a service going down and coming back, a new version deploying, a fault put in
// force and cleared, a scenario's steps; and, for a fault, the requests it broke. Pure.
import type { NumberedEvent } from "../contract/events";
import type { Fault } from "../contract/faults";
import type { Recording } from "../contract/recording";
import { SCENARIO_LOG_SERVICE } from "../contract/scenarios";
import { involved } from "./event-filter";
import { isFailure } from "./outcome";
import { perRecording } from "./rewind";

export interface FaultSpan {
  service: string;
  peer?: string;
  stack?: Fault["stack"];
  from: number;
  /** When it was seen cleared, or null while it is still in force at the end of the recording. */
  to: number | null;
}

export interface TimelineMark {
  at: number;
  label: string;
  kind: "down" | "up" | "fault" | "deploy" | "scenario" | "other";
  /** A fault's "added" mark: where and when it was in force, to find the requests it broke. */
  fault?: FaultSpan;
}

const DOWN = new Set(["crashed", "stopped"]);

/**
 * An instance stopped as part of a change that keeps the service (a redeploy replacing it, scaling down, a failed new
 * version rolled back) is no outage of the service: said by the supervisor's reasons ("replaced by a redeploy",
 * "replaced by v2", "scaled down to 1", "rolled back: …").
 */
function partOfChange(reason: string): "redeploy" | "other" | null {
  if (reason.startsWith("replaced by a redeploy")) return "redeploy";
  if (reason.startsWith("replaced by") || reason.startsWith("scaled down") || reason.startsWith("rolled back")) return "other";
  return null;
}

/**
 * The marks, in time order. A service coming back is marked only after it was seen going down: the sandbox starting
 * its services (or a stack switched in) is not news. A fault's mark is at the moment it was added (its own timestamp); its
 * clearing is seen at the first snapshot without it.
 */
export const marks = perRecording(function marks(recording: Recording): TimelineMark[] {
  const found: TimelineMark[] = [];
  const versions = new Map<string, number>();
  // Services seen going down: only they are marked coming back (a first snapshot taken as the sandbox starts shows
  // every service stopped, and their start-up is not news).
  const down = new Set<string>();
  for (const service of recording.snapshots[0]?.state.services ?? []) versions.set(`${service.stack}/${service.id}`, service.version);
  // Services whose redeploy was marked as the old version began to stop: their new version's start is that same mark.
  const deploying = new Set<string>();
  for (const event of recording.events) {
    if (event.type === "log" && event.service === SCENARIO_LOG_SERVICE) found.push({ at: event.ts, label: `scenario: ${event.line}`, kind: "scenario" });
    if (event.type !== "lifecycle") continue;
    const where = event.stack === "monolith" && event.service !== "monolith" ? " (monolith)" : "";
    const key = `${event.stack}/${event.service}`;
    const part = partOfChange(event.reason);
    if (event.to === "stopping" && part === "redeploy" && !deploying.has(key)) {
      // A recreate stops the old version first: that is the redeploy beginning, not the service going down.
      found.push({ at: event.ts, label: `${event.service} v${(versions.get(key) ?? event.version) + 1} deploying${where}`, kind: "deploy" });
      deploying.add(key);
    }
    if (event.to === "starting" && event.version > (versions.get(key) ?? event.version) && !deploying.delete(key)) found.push({ at: event.ts, label: `${event.service} v${event.version} deploying${where}`, kind: "deploy" });
    versions.set(key, Math.max(versions.get(key) ?? 0, event.version));
    if (DOWN.has(event.to)) {
      if (part) continue;
      if (!down.has(key)) found.push({ at: event.ts, label: `${event.service} ${event.to === "stopped" && event.reason.startsWith("killed") ? "killed" : event.to}${where}`, kind: "down" });
      down.add(key);
    } else if (event.to === "healthy" && down.delete(key)) found.push({ at: event.ts, label: `${event.service} healthy again${where}`, kind: "up" });
  }
  found.push(...faultMarks(recording));
  return found.sort((a, b) => a.at - b.at);
});

function faultMarks(recording: Recording): TimelineMark[] {
  const found: TimelineMark[] = [];
  const from = recording.snapshots[0]?.at ?? -Infinity;
  let inForce = new Map<string, Fault>();
  const added = new Map<string, TimelineMark>();
  recording.snapshots.forEach((snapshot, index) => {
    const now = new Map(snapshot.state.faults.map((fault) => [fault.id, fault]));
    for (const fault of now.values()) {
      if (inForce.has(fault.id) || !(index > 0 || fault.createdAt >= from)) continue;
      const mark: TimelineMark = { at: fault.createdAt, label: `${describeFault(fault)} added`, kind: "fault", fault: { service: fault.service, peer: fault.peer, stack: fault.stack, from: fault.createdAt, to: null } };
      added.set(fault.id, mark);
      found.push(mark);
    }
    for (const fault of inForce.values()) {
      if (now.has(fault.id)) continue;
      found.push({ at: snapshot.at, label: `${describeFault(fault)} cleared`, kind: "fault" });
      const mark = added.get(fault.id);
      if (mark?.fault) mark.fault.to = snapshot.at;
    }
    inForce = now;
  });
  return found;
}

const describeFault = (fault: Fault) => `${fault.type} fault on ${fault.service}${fault.peer ? ` and ${fault.peer}` : ""}${fault.stack ? ` (${fault.stack})` : ""}`;

/**
 * The requests a fault broke: the calls and jobs that failed while it was in force and involved the service it was
 * put on (or its peer), in its stack when it named one, and the failures they caused upstream in the same trace (the
 * gateway's 502 for an order whose payment call timed out). Their sequence numbers, oldest first.
 */
export function brokenBy(events: readonly NumberedEvent[], fault: FaultSpan): number[] {
  const to = fault.to ?? Infinity;
  const targets = [fault.service, ...(fault.peer ? [fault.peer] : [])];
  type Travelling = Extract<NumberedEvent, { type: "http" | "queue" }>;
  const failed = events.filter((event): event is Travelling => (event.type === "http" || event.type === "queue") && event.ts >= fault.from && event.ts <= to && (!fault.stack || event.stack === fault.stack) && isFailure(event));
  const traces = new Set<string>();
  for (const event of failed) if (involved(event).some((id) => targets.includes(id))) traces.add(event.traceId);
  return failed.filter((event) => traces.has(event.traceId)).map((event) => event.seq);
}
