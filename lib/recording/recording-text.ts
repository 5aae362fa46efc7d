// Reads a saved run's unpacked text (JSON lines) back into a recording, refusing with a sentence anything that is not
// a whole run of a version this app knows. Pure, without Node's modules: the server and the browser's replay both use it.
import { RECORDING_VERSION, RecordingHeaderSchema, RecordingRecordSchema, type Recording } from "../contract/recording";

export class RecordingRefused extends Error {}

/** A file bigger than this once unpacked is refused rather than read into memory: far more than 10 minutes of events. */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
/** The sentence for such a file, the same wherever it is unpacked. */
export const TOO_BIG_TO_UNPACK = `this file unpacks to more than a saved run can hold (${MAX_UNPACKED_BYTES / 1024 / 1024} MB): it is not a saved run of this app`;

export function parseRecordingText(text: string): Recording {
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
