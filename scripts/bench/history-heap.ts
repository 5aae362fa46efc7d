// What the server's recorded history costs in memory: a RunHistory (the server's own class) filled with the events and
// snapshots of a real saved run, time-shifted in copies until they cover the span asked for, weighed on the heap.
// Also the saved-run file the last minutes of that history make. Run in its own process with `node --expose-gc --import
// tsx` (recording-memory.ts does): argv = the run's file, the minutes to cover, the minutes to export, and where to write
// the whole capped history as a saved run (what /rewind would fetch from a server that had recorded it).
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { readRecording, writeRecording } from "../../lib/sandbox/recording/recording-file";
import { DEFAULT_HISTORY, RunHistory, type HistoryBounds } from "../../lib/sandbox/recording/run-history";
import { BATCH_INTERVAL_MS } from "../../lib/sandbox/telemetry/telemetry-hub";

export interface HistoryWeight {
  /** The bounds used; maxEvents null: no cap. */
  maxEvents: number | null;
  eventsKept: number;
  /** Events still referenced by the history: the kept ones and those trimmed but not yet compacted away. */
  eventsHeld: number;
  snapshotsKept: number;
  /** From the oldest event kept to the newest. */
  minutesKept: number;
  heapBytes: number;
  /** The file of the last `exportMinutes` of this history, packed and unpacked, with the events it holds. */
  export: { bytes: number; unpackedBytes: number; events: number; eventMinutes: number };
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

const [file, minutesArg, exportArg, savedRunOut] = process.argv.slice(2);
// Checked as the server reads a run, but copied from the file's own lines: what zod's parse drops or adds stays out.
const recording = readRecording(readFileSync(file));
const lines = gunzipSync(readFileSync(file), { maxOutputLength: 2 ** 31 - 1 })
  .toString("utf8")
  .split("\n")
  .filter((line) => line.startsWith('{"kind":"event"') || line.startsWith('{"kind":"snapshot"'))
  .map((line) => JSON.parse(line) as { kind: "event"; event: { ts: number } } | { kind: "snapshot"; at: number; state: unknown });
const spanMs = Number(minutesArg) * 60_000;
// Kept as text, as the server gets them (JSON over IPC): each copy is parsed anew, so no two copies share objects.
type Source = { at: number; kind: "event" | "snapshot"; text: string };
// From the first event on: a run cut by the cap holds snapshots from further back than its events.
const firstEvent = recording.events[0]?.ts ?? 0;
const sources: Source[] = lines
  .map((line): Source => (line.kind === "event" ? { at: line.event.ts, kind: "event", text: JSON.stringify(line.event) } : { at: line.at, kind: "snapshot", text: JSON.stringify(line.state) }))
  .filter((source) => source.kind === "event" || source.at >= firstEvent)
  .sort((a, b) => a.at - b.at);
const first = sources[0]?.at ?? 0;
// One copy follows the previous one after the real run's span and one mean gap between events: the rate stays the real one.
const realSpan = (sources.at(-1)?.at ?? 0) - first;
const period = Math.max(1_000, realSpan + Math.max(1, Math.round(realSpan / Math.max(1, recording.events.length))));

function heapUsed(): number {
  for (let i = 0; i < 3; i++) gc!();
  return process.memoryUsage().heapUsed;
}

function weigh(bounds: HistoryBounds): HistoryWeight {
  const before = heapUsed();
  const history = new RunHistory(bounds);
  let batch: never[] = [];
  let batchStart = first;
  let lastTs = first;
  // The newest moment the copies reach: the span asked for, from the first real record.
  const end = first + spanMs;
  for (let copy = 0; first + copy * period < end; copy++) {
    const shift = copy * period;
    for (const source of sources) {
      const at = source.at + shift;
      if (at > end) break;
      if (source.kind === "snapshot") {
        history.recordState(JSON.parse(source.text), at);
        continue;
      }
      const event = JSON.parse(source.text);
      event.ts = at;
      batch.push(event as never);
      lastTs = at;
      // As the hub hands them over: a batch every 50 ms.
      if (at - batchStart >= BATCH_INTERVAL_MS) {
        history.recordEvents(batch, at);
        batch = [];
        batchStart = at;
      }
    }
  }
  if (batch.length > 0) history.recordEvents(batch, lastTs);
  const heapBytes = heapUsed() - before;
  const kept = history.window(-Infinity, Infinity).events;
  // As GET /api/recording?seconds=N writes it: the window ending at the newest moment.
  const exported = history.window(end - Number(exportArg) * 60_000, end);
  const packed = writeRecording(exported, end - Number(exportArg) * 60_000, end);
  const inFile = exported.events;
  if (savedRunOut && Number.isFinite(bounds.maxEvents)) {
    const from = history.earliest ?? end;
    writeFileSync(savedRunOut, writeRecording(history.window(from, end), from, end));
  }
  const result: HistoryWeight = {
    maxEvents: Number.isFinite(bounds.maxEvents) ? bounds.maxEvents : null,
    eventsKept: history.eventCount,
    // Read from its private array on purpose: what the heap holds is the question.
    eventsHeld: (history as unknown as { events: unknown[] }).events.length,
    snapshotsKept: history.snapshotCount,
    minutesKept: kept.length > 1 ? (kept.at(-1)!.ts - kept[0].ts) / 60_000 : 0,
    heapBytes,
    export: {
      bytes: packed.length,
      unpackedBytes: gunzipSync(packed, { maxOutputLength: 2 ** 31 - 1 }).length,
      events: inFile.length,
      eventMinutes: inFile.length > 1 ? (inFile.at(-1)!.ts - inFile[0].ts) / 60_000 : 0,
    },
  };
  history.clear();
  return result;
}

// The server's own bounds, then the same window with no cap on events: what the whole span would cost.
const capped = weigh(DEFAULT_HISTORY);
const uncapped = weigh({ windowMs: DEFAULT_HISTORY.windowMs, maxEvents: Number.POSITIVE_INFINITY });
console.log(JSON.stringify({ capped, uncapped, copies: Math.ceil(spanMs / period), realSpanMs: realSpan }));
