// Writes a recorded window as one saved-run file (gzip of JSON lines, see lib/contract/recording.ts) and reads one
// back, refusing with a sentence anything that is not a whole run of a version this app knows.
import { promisify } from "node:util";
import { gunzipSync, gzip, gzipSync } from "node:zlib";
import type { NumberedEvent } from "../../contract/events";
import { RECORDING_FORMAT, RECORDING_VERSION, type RecordedSnapshot, type Recording } from "../../contract/recording";
import { MAX_UNPACKED_BYTES, parseRecordingText, RecordingRefused, TOO_BIG_TO_UNPACK } from "../../recording/recording-text";

export { MAX_UNPACKED_BYTES, RecordingRefused };

const gzipAsync = promisify(gzip);

type Window = { snapshots: RecordedSnapshot[]; events: NumberedEvent[] };

/** The run's records as JSON lines, in order. */
function* recordLines(window: Window, from: number, to: number, savedAt: number): Generator<string> {
  yield JSON.stringify({ kind: "header", format: RECORDING_FORMAT, version: RECORDING_VERSION, from, to, savedAt });
  // Snapshots and events in time order, a snapshot before the events of its own millisecond.
  let next = 0;
  for (const snapshot of window.snapshots) {
    while (next < window.events.length && window.events[next].ts < snapshot.at) yield JSON.stringify({ kind: "event", event: window.events[next++] });
    yield JSON.stringify(snapshot);
  }
  while (next < window.events.length) yield JSON.stringify({ kind: "event", event: window.events[next++] });
  yield JSON.stringify({ kind: "end", snapshots: window.snapshots.length, events: window.events.length });
}

/** Lines written between two turns of the event loop while a run is packed: a big run never freezes the sandbox. */
const LINES_PER_TURN = 5_000;

/**
 * The run as a file, without holding the server's event loop: the lines are written a few thousand at a time and
 * compressed on libuv's thread pool. (Ten minutes of busy traffic is a quarter of a million lines.)
 */
export async function packRecording(window: Window, from: number, to: number, savedAt = Date.now()): Promise<Buffer> {
  const lines: string[] = [];
  for (const line of recordLines(window, from, to, savedAt)) {
    lines.push(line);
    if (lines.length % LINES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return gzipAsync(Buffer.from(`${lines.join("\n")}\n`, "utf8"));
}

/** The same file at once, for tests and small windows. */
export function writeRecording(window: Window, from: number, to: number, savedAt = Date.now()): Buffer {
  return gzipSync(Buffer.from(`${[...recordLines(window, from, to, savedAt)].join("\n")}\n`, "utf8"));
}

export function readRecording(file: Buffer): Recording {
  let text: string;
  try {
    text = gunzipSync(file, { maxOutputLength: MAX_UNPACKED_BYTES }).toString("utf8");
  } catch (error) {
    const tooBig = error instanceof RangeError || (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
    throw new RecordingRefused(tooBig ? TOO_BIG_TO_UNPACK : "this is not a saved run: it is not a gzip file, or it was cut short");
  }
  return parseRecordingText(text);
}
