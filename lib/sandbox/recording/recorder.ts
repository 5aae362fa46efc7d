// The recorded past of one sandbox: every event, and snapshots of its state often enough that any moment of the last
// minutes can be rebuilt, given out as a saved-run file or as OTLP traces.
import type { OtlpExport } from "../../contract/otlp";
import { toOtlp } from "./otlp";
import { packRecording } from "./recording-file";
import { CHANGE_SNAPSHOT_MS, keepsChangeAtOnce, RunHistory, SNAPSHOT_EVERY_MS } from "./run-history";
import type { Sandbox } from "../sandbox";

export interface Recorder {
  /** A saved-run file of the last `seconds` (all of it when not given). */
  file(seconds?: number): Promise<Buffer>;
  /** The traces of the last `seconds` as OTLP/JSON. */
  otlp(seconds?: number): OtlpExport;
  dispose(): void;
}

export function startRecorder(sandbox: Sandbox): Recorder {
  const history = new RunHistory();
  const stopEvents = sandbox.hub.subscribe((batch) => history.recordEvents(batch, Date.now()));
  /** A snapshot of the state now, numbered with the last event given out, so a replay knows which moves it holds. */
  let architecture = sandbox.state().architecture;
  const recordSnapshot = (at = Date.now()) => {
    const state = sandbox.state();
    architecture = state.architecture;
    history.recordState(state, at, sandbox.hub.lastSeq);
  };
  const snapshotting = setInterval(() => recordSnapshot(), SNAPSHOT_EVERY_MS);
  snapshotting.unref();
  recordSnapshot();
  // A change (a queue's depth, a fault, a scale) is kept too, at most once a second: a replay shows it when it happened.
  // A change within the second after one kept is kept at the end of that second, so the last of a burst (the third
  // order's job waiting) is never lost.
  let lastChangeKept = 0;
  let trailing: NodeJS.Timeout | null = null;
  const keepChange = () => {
    lastChangeKept = Date.now();
    recordSnapshot(lastChangeKept);
  };
  const stopStates = sandbox.onState(() => {
    const since = Date.now() - lastChangeKept;
    if (keepsChangeAtOnce(since, sandbox.state().architecture !== architecture)) return keepChange();
    trailing ??= setTimeout(() => {
      trailing = null;
      keepChange();
    }, CHANGE_SNAPSHOT_MS - since);
    trailing.unref();
  });
  const windowOf = (seconds: number | undefined) => {
    const to = Date.now();
    return { from: seconds === undefined ? (history.earliest ?? to) : to - seconds * 1_000, to };
  };
  return {
    file(seconds) {
      // The moment asked for is rebuilt from a snapshot: one is taken now, so the newest moments are covered too.
      recordSnapshot();
      const { from, to } = windowOf(seconds);
      return packRecording(history.window(from, to), from, to);
    },
    otlp(seconds) {
      const { from, to } = windowOf(seconds);
      return toOtlp(history.window(from, to).events);
    },
    dispose() {
      clearInterval(snapshotting);
      if (trailing) clearTimeout(trailing);
      stopStates();
      stopEvents();
    },
  };
}
