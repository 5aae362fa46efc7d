// Rewind in the browser: a saved run (the server's recent past, or a file) unpacked and read, the page's view rebuilt
// at any moment of it, and the marks a timeline shows. Pure but for unpacking, which uses the browser's own gzip.
import type { NumberedEvent } from "../contract/events";
import type { Recording } from "../contract/recording";
import { parseRecordingText, RecordingRefused } from "../contract/recording-text";
import { stateAt } from "../sandbox/recording/state-at";
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
  kind: "down" | "up" | "other";
}

/** One mark per lifecycle change of a service (not every instance's step): what a learner looks for. */
export function marks(recording: Recording): TimelineMark[] {
  const found: TimelineMark[] = [];
  for (const event of recording.events) {
    if (event.type !== "lifecycle" || event.to === "starting" || event.to === "stopping") continue;
    const kind = event.to === "crashed" || event.to === "stopped" ? "down" : event.to === "healthy" ? "up" : "other";
    found.push({ at: event.ts, label: `${event.service} ${event.to}${event.stack === "monolith" && event.service !== "monolith" ? " (monolith)" : ""}`, kind });
  }
  return found;
}

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
