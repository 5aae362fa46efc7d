// Writes a recorded window as one saved-run file (gzip of JSON lines, see lib/contract/recording.ts) and reads one
// back, refusing with a sentence anything that is not a whole run of a version this app knows.
import { gunzipSync, gzipSync } from "node:zlib";
import type { NumberedEvent } from "../../contract/events";
import { RECORDING_FORMAT, RECORDING_VERSION, RecordingHeaderSchema, RecordingRecordSchema, type RecordedSnapshot, type Recording } from "../../contract/recording";

/** A file bigger than this once unpacked is refused rather than read into memory: far more than 10 minutes of events. */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

export class RecordingRefused extends Error {}

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
  const lines = text.split("\n").filter((line) => line.length > 0);
  const parse = (line: string, at: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new RecordingRefused(`this saved run is damaged: line ${at + 1} is not JSON`);
    }
  };
  const head = RecordingHeaderSchema.safeParse(lines.length > 0 ? parse(lines[0], 0) : undefined);
  if (!head.success) throw new RecordingRefused("this is not a saved run of Architecture Sandbox: its first line does not say so");
  if (head.data.version !== RECORDING_VERSION) throw new RecordingRefused(`this saved run is of version ${head.data.version}; this app reads version ${RECORDING_VERSION}`);
  const recording: Recording = { header: head.data, snapshots: [], events: [] };
  let ended = false;
  for (let index = 1; index < lines.length; index++) {
    if (ended) throw new RecordingRefused(`this saved run is damaged: line ${index + 1} comes after its end`);
    const record = RecordingRecordSchema.safeParse(parse(lines[index], index));
    if (!record.success) throw new RecordingRefused(`this saved run is damaged: line ${index + 1} is not a snapshot, an event or the end`);
    if (record.data.kind === "snapshot") recording.snapshots.push(record.data);
    else if (record.data.kind === "event") recording.events.push(record.data.event);
    else {
      ended = true;
      if (record.data.snapshots !== recording.snapshots.length || record.data.events !== recording.events.length) throw new RecordingRefused("this saved run is damaged: it holds fewer records than it says");
    }
  }
  if (!ended) throw new RecordingRefused("this saved run was cut short: its last record is missing");
  return recording;
}
