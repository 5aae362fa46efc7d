// Writes a recorded window as one saved-run file (gzip of JSON lines, see lib/contract/recording.ts) and reads one
// back, refusing with a sentence anything that is not a whole run of a version this app knows.
import { gunzipSync, gzipSync } from "node:zlib";
import type { NumberedEvent } from "../../contract/events";
import { RECORDING_FORMAT, RECORDING_VERSION, type RecordedSnapshot, type Recording } from "../../contract/recording";
import { parseRecordingText, RecordingRefused } from "../../recording/recording-text";

export { RecordingRefused };

/** A file bigger than this once unpacked is refused rather than read into memory: far more than 10 minutes of events. */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

export function writeRecording(window: { snapshots: RecordedSnapshot[]; events: NumberedEvent[] }, from: number, to: number, savedAt = Date.now()): Buffer {
  const lines: string[] = [JSON.stringify({ kind: "header", format: RECORDING_FORMAT, version: RECORDING_VERSION, from, to, savedAt })];
  // Snapshots and events in time order, a snapshot before the events of its own millisecond.
  let next = 0;
  for (const snapshot of window.snapshots) {
    while (next < window.events.length && window.events[next].ts < snapshot.at) lines.push(JSON.stringify({ kind: "event", event: window.events[next++] }));
    lines.push(JSON.stringify(snapshot));
  }
  while (next < window.events.length) lines.push(JSON.stringify({ kind: "event", event: window.events[next++] }));
  lines.push(JSON.stringify({ kind: "end", snapshots: window.snapshots.length, events: window.events.length }));
  return gzipSync(Buffer.from(`${lines.join("\n")}\n`, "utf8"));
}

export function readRecording(file: Buffer): Recording {
  let text: string;
  try {
    text = gunzipSync(file, { maxOutputLength: MAX_UNPACKED_BYTES }).toString("utf8");
  } catch (error) {
    const tooBig = error instanceof RangeError || (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
    throw new RecordingRefused(tooBig ? "this file unpacks to more than a saved run can hold" : "this is not a saved run: it is not a gzip file, or it was cut short");
  }
  return parseRecordingText(text);
}
