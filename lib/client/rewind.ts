// Rewind in the browser: a saved run (the server's recent past, or a file) unpacked and read, the page's view rebuilt
// at any moment of it, and the marks a timeline shows. Pure but for unpacking, which uses the browser's own gzip.
import type { NumberedEvent } from "../contract/events";
import type { Recording } from "../contract/recording";
import { MAX_UNPACKED_BYTES, parseRecordingText, RecordingRefused, TOO_BIG_TO_UNPACK } from "../recording/recording-text";
import { stateAt } from "../recording/state-at";
import { applySnapshot, initialView, MAX_EVENTS, type SandboxView } from "./stores/sandbox-store";

export { RecordingRefused };

/** Unpacks and reads a saved run; anything else is refused with a sentence (RecordingRefused). `limit`: bytes unpacked at most. */
export async function readSavedRun(file: Blob, limit = MAX_UNPACKED_BYTES): Promise<Recording> {
  // Unpacked piece by piece and counted: a small file that unpacks to gigabytes is stopped at the limit, not held whole.
  const reader = file.stream().pipeThrough(new DecompressionStream("gzip")).getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => {});
        throw new RecordingRefused(TOO_BIG_TO_UNPACK);
      }
      parts.push(decoder.decode(read.value, { stream: true }));
    }
    parts.push(decoder.decode());
  } catch (error) {
    if (error instanceof RecordingRefused) throw error;
    throw new RecordingRefused("this is not a saved run: it is not a gzip file, or it was cut short");
  }
  return parseRecordingText(parts.join(""));
}

/** The span a timeline can reach: from the first snapshot (nothing before it can be rebuilt) to the window's end. */
export function reach(recording: Recording): { from: number; to: number } | null {
  const first = recording.snapshots[0];
  if (!first) return null;
  const last = Math.max(recording.snapshots.at(-1)!.at, recording.events.at(-1)?.ts ?? -Infinity);
  return { from: first.at, to: Math.max(first.at, recording.header.to, last) };
}

/** The page's view at `at`: the state as it was, and the events up to that moment in the stream. */
export function viewAt(recording: Recording, at: number): SandboxView | null {
  const state = stateAt(recording.snapshots, recording.events, at);
  if (!state) return null;
  const upTo = upperBound(recording.events, at);
  const recentEvents = recording.events.slice(Math.max(0, upTo - MAX_EVENTS), upTo) as NumberedEvent[];
  return { ...applySnapshot(initialView, { state, recentEvents }), connection: "disconnected" };
}

/**
 * `read` of a recording, kept until the recording grows or loses its oldest part: the timeline and the Rewind screen's
 * "What happened" ask for the same marks, and a live timeline asks again at every render.
 */
export function perRecording<T>(read: (recording: Recording) => T): (recording: Recording) => T {
  const kept = new WeakMap<Recording, { key: string; value: T }>();
  return (recording) => {
    const key = `${recording.events.length}/${recording.snapshots.length}/${recording.snapshots[0]?.at}/${recording.events[0]?.ts}`;
    const found = kept.get(recording);
    if (found?.key === key) return found.value;
    const value = read(recording);
    kept.set(recording, { key, value });
    return value;
  };
}

/**
 * The moments a snapshot shows the queues or the faults changed: a queue's depth is read from the snapshots, so its
 * filling and draining are steps too, besides the events.
 */
export const stateChanges = perRecording(function stateChanges(recording: Recording): number[] {
  const moments: number[] = [];
  let previous: string | null = null;
  for (const snapshot of recording.snapshots) {
    const key = JSON.stringify([snapshot.state.queues, snapshot.state.faults]);
    if (previous !== null && key !== previous) moments.push(snapshot.at);
    previous = key;
  }
  return moments;
});

/**
 * The moment of the next event after `at` (or the last one before it, going back), log lines left out, or of a state
 * change among `changes` (see stateChanges) if that comes first; null at the end.
 */
export function eventBeside(recording: Recording, at: number, direction: "next" | "previous", changes: readonly number[] = []): number | null {
  const events = recording.events;
  if (direction === "next") {
    let next: number | null = null;
    for (let index = upperBound(events, at); index < events.length; index++) {
      if (events[index].type === "log") continue;
      next = events[index].ts;
      break;
    }
    const change = changes.find((moment) => moment > at);
    return change !== undefined && (next === null || change < next) ? change : next;
  }
  // The view at a moment includes its own events, so "previous" is the last event strictly before the moment.
  let previous: number | null = null;
  for (let index = upperBound(events, at) - 1; index >= 0; index--) {
    if (events[index].type !== "log" && events[index].ts < at) {
      previous = events[index].ts;
      break;
    }
  }
  const change = changes.findLast((moment) => moment < at);
  return change !== undefined && (previous === null || change > previous) ? change : previous;
}

/** Where playing at `speed` (1 = real time) has got to after `elapsedMs` of the learner's time, stopping at `end`. */
export const playedTo = (start: number, elapsedMs: number, speed: number, end: number): number => Math.min(end, start + Math.round(elapsedMs * speed));

/** Index of the first event after `at` (events are in time order): how many happened up to it. */
export function upperBound(events: readonly { ts: number }[], at: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (events[middle].ts <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}
