// Rewind in the browser: a saved run (the server's recent past, or a file) unpacked and read, the page's view rebuilt
// at any moment of it, and the marks a timeline shows. Pure but for unpacking, which uses the browser's own gzip.
import type { NumberedEvent } from "../contract/events";
import type { Fault } from "../contract/faults";
import type { Recording } from "../contract/recording";
import { parseRecordingText, RecordingRefused } from "../recording/recording-text";
import { stateAt } from "../recording/state-at";
import { applySnapshot, initialView, MAX_EVENTS, type SandboxView } from "./store";

export { RecordingRefused };

/** Unpacks and reads a saved run; anything else is refused with a sentence (RecordingRefused). */
export async function readSavedRun(file: Blob): Promise<Recording> {
  let text: string;
  try {
    text = await new Response(file.stream().pipeThrough(new DecompressionStream("gzip"))).text();
  } catch {
    throw new RecordingRefused("this is not a saved run: it is not a gzip file, or it was cut short");
  }
  return parseRecordingText(text);
}

/** The span a timeline can reach: from the first snapshot (nothing before it can be rebuilt) to the window's end. */
export function reach(recording: Recording): { from: number; to: number } | null {
  const first = recording.snapshots[0];
  return first ? { from: first.at, to: Math.max(first.at, recording.header.to) } : null;
}

/** The page's view at `at`: the state as it was, and the events up to that moment in the stream. */
export function viewAt(recording: Recording, at: number): SandboxView | null {
  const state = stateAt(recording.snapshots, recording.events, at);
  if (!state) return null;
  const upTo = upperBound(recording.events, at);
  const recentEvents = recording.events.slice(Math.max(0, upTo - MAX_EVENTS), upTo) as NumberedEvent[];
  return { ...applySnapshot(initialView, { state, recentEvents }), connection: "disconnected" };
}

export interface TimelineMark {
  at: number;
  label: string;
  kind: "down" | "up" | "fault" | "deploy" | "other";
}

/**
 * What a learner looks for on the timeline, in time order: each service going down or coming back (not every
 * instance's step), each new version starting (a redeploy), and each fault put in force and cleared. A fault's mark
 * is at the moment it was added (its own timestamp); its clearing is seen at the first snapshot without it.
 */
export function marks(recording: Recording): TimelineMark[] {
  const found: TimelineMark[] = [];
  const versions = new Map<string, number>();
  for (const snapshot of recording.snapshots.slice(0, 1)) for (const service of snapshot.state.services) versions.set(`${service.stack}/${service.id}`, service.version);
  for (const event of recording.events) {
    if (event.type !== "lifecycle") continue;
    const where = event.stack === "monolith" && event.service !== "monolith" ? " (monolith)" : "";
    const key = `${event.stack}/${event.service}`;
    if (event.to === "starting" && event.version > (versions.get(key) ?? event.version)) found.push({ at: event.ts, label: `${event.service} v${event.version} deploying${where}`, kind: "deploy" });
    versions.set(key, Math.max(versions.get(key) ?? 0, event.version));
    if (event.to === "starting" || event.to === "stopping") continue;
    const kind = event.to === "crashed" || event.to === "stopped" ? "down" : event.to === "healthy" ? "up" : "other";
    found.push({ at: event.ts, label: `${event.service} ${event.to}${where}`, kind });
  }
  const from = recording.snapshots[0]?.at ?? -Infinity;
  let inForce = new Map<string, Fault>();
  recording.snapshots.forEach((snapshot, index) => {
    const now = new Map(snapshot.state.faults.map((fault) => [fault.id, fault]));
    for (const fault of now.values()) if (!inForce.has(fault.id) && (index > 0 || fault.createdAt >= from)) found.push({ at: fault.createdAt, label: `${describeFault(fault)} added`, kind: "fault" });
    for (const fault of inForce.values()) if (!now.has(fault.id)) found.push({ at: snapshot.at, label: `${describeFault(fault)} cleared`, kind: "fault" });
    inForce = now;
  });
  return found.sort((a, b) => a.at - b.at);
}

const describeFault = (fault: Fault) => `${fault.type} fault on ${fault.service}${fault.peer ? ` and ${fault.peer}` : ""}${fault.stack ? ` (${fault.stack})` : ""}`;

/** The moment of the next event after `at` (or the last one before it, going back), log lines left out; null at the end. */
export function eventBeside(recording: Recording, at: number, direction: "next" | "previous"): number | null {
  const events = recording.events;
  if (direction === "next") {
    for (let index = upperBound(events, at); index < events.length; index++) if (events[index].type !== "log") return events[index].ts;
    return null;
  }
  // The view at a moment includes its own events, so "previous" is the last event strictly before the moment.
  for (let index = upperBound(events, at) - 1; index >= 0; index--) if (events[index].type !== "log" && events[index].ts < at) return events[index].ts;
  return null;
}

/** Where playing at `speed` (1 = real time) has got to after `elapsedMs` of the learner's time, stopping at `end`. */
export const playedTo = (start: number, elapsedMs: number, speed: number, end: number): number => Math.min(end, start + Math.round(elapsedMs * speed));

/** Index of the first event after `at` (events are in time order). */
function upperBound(events: readonly { ts: number }[], at: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (events[middle].ts <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}
