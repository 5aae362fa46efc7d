// Time travel: the page shown at a past moment of a recording (the sandbox's last minutes, grown by the live feed
// meanwhile, or a saved file), played forward at a chosen speed, or a few seconds behind the present in slow motion;
// and back to live. While the page is away from the present, the socket's events are kept here, not shown.
import { createStore } from "zustand/vanilla";
import type { SandboxState } from "../../contract/control";
import { controlPath } from "../../contract/control-api";
import type { NumberedEvent } from "../../contract/events";
import type { Recording } from "../../contract/recording";
import { showMoment } from "../moment";
import { setMetricsShown } from "./metrics-store";
import { eventBeside, playedTo, reach, readSavedRun, RecordingRefused } from "../rewind";
import { sandboxStore } from "./sandbox-store";

export type TimeMode = "live" | "past" | "slow";
export const SPEEDS = [0.1, 0.25, 1, 4] as const;
/** Slow motion starts this far behind the present: a call seen happen is then replayed at a pace an eye can follow. */
export const SLOW_LAG_MS = 3_000;
/**
 * Slow motion never falls further behind than this: past it, it jumps back to SLOW_LAG_MS behind, leaving out what lay
 * between, so "… s behind live" stays near what it promises and an order placed now shows within seconds.
 */
export const MAX_SLOW_LAG_MS = 4_500;
/** A quiet stretch longer than this (nothing happened) is skipped in slow motion, up to this lead before what comes next. */
export const QUIET_GAP_MS = 500;
const QUIET_LEAD_MS = 200;
/** How far back the sandbox's recording is asked for: all it keeps. */
export const RECORDED_SECONDS = 600;
/** Playing redraws the moment this often. */
const FRAME_MS = 100;
/** Events kept while away, at most: the oldest go (with the snapshots before them) beyond this. */
const KEEP_EVENTS = 300_000;
/** States kept while away: at most one per this many ms (the newest replaces one closer than that). */
const STATE_EVERY_MS = 250;

export interface TimeView {
  mode: TimeMode;
  recording: Recording | null;
  /** Bumped when the recording grows, so what reads it redraws. */
  grown: number;
  /** The moment shown while away, on the sandbox's clock. */
  at: number;
  playing: boolean;
  speed: number;
  /** The sandbox's clock minus the page's, so the present is known on the recording's clock. */
  clockOffset: number;
  /** A replay with no sandbox behind it (a saved file, the Rewind screen): nothing live is added, "Live" is not offered. */
  replayOnly: boolean;
  /** Loading, or why the past could not be read, in words; empty when there is nothing to say. */
  message: string;
}

const initialTime: TimeView = { mode: "live", recording: null, grown: 0, at: 0, playing: false, speed: 0.25, clockOffset: 0, replayOnly: false, message: "" };
export const timeStore = createStore<TimeView>()(() => initialTime);

export const isAway = (): boolean => timeStore.getState().mode !== "live";
/** The moment the page shows, on the sandbox's clock: the present when live. */
export const shownNow = (): number => (isAway() ? timeStore.getState().at : Date.now());
const sandboxNow = () => Date.now() + timeStore.getState().clockOffset;
const set = (change: Partial<TimeView>) => timeStore.setState(change);

/** Leaves the present for its recorded past: `slow` plays it from a few seconds ago at a quarter of its speed. */
export async function leaveLive(slow = false): Promise<void> {
  if (timeStore.getState().recording === null) {
    set({ message: "reading the last 10 minutes…" });
    try {
      const askedAt = Date.now();
      const answer = await fetch(controlPath("recording", { query: { seconds: RECORDED_SECONDS } }), { cache: "no-store" });
      if (!answer.ok) throw new RecordingRefused(`the sandbox did not give its recording (${answer.status})`);
      const recording = await readSavedRun(await answer.blob());
      if (!reach(recording)) throw new RecordingRefused("the sandbox has recorded nothing yet");
      // The page's newest events may be newer than the file: they are the recording's end. The file ends with a state
      // read as it was made; the page's own state is not kept, as it may be older than that (a state the sandbox sends
      // from now on is). The sandbox's clock is read against the moment of asking: the download may take seconds.
      keepAll(recording, sandboxStore.getState().events);
      set({ recording, clockOffset: recording.header.to - askedAt });
    } catch (error) {
      set({ message: error instanceof RecordingRefused ? `${error.message}.` : "the recording could not be read: the sandbox did not answer." });
      return;
    }
  }
  const { recording } = timeStore.getState();
  const end = reach(recording!)!.to;
  setMetricsShown(false);
  if (slow) {
    set({ mode: "slow", playing: true, speed: 0.25, message: "" });
    moveTo(Math.max(reach(recording!)!.from, sandboxNow() - SLOW_LAG_MS), { playing: true });
  } else {
    set({ mode: "past", playing: false, message: "" });
    moveTo(end);
  }
}

/** Shows a saved run with no sandbox behind it: a replay only. */
export function openReplay(recording: Recording): void {
  setMetricsShown(false);
  set({ ...initialTime, mode: "past", recording, replayOnly: true, at: reach(recording)!.to });
  moveTo(reach(recording)!.to);
}

/** Shows the moment `at` (kept within what the recording reaches); dragging in slow motion leaves it, paused. */
export function moveTo(at: number, options: { playing?: boolean } = {}): void {
  const { recording, at: before, mode } = timeStore.getState();
  const span = recording && reach(recording);
  if (!recording || !span) return;
  // Slow motion plays the present: it may reach past the recording's last event, up to now, where nothing happened yet.
  const to = mode === "slow" && options.playing ? Math.max(span.to, sandboxNow()) : span.to;
  const moment = Math.min(to, Math.max(span.from, at));
  if (mode === "slow" && !options.playing) set({ mode: "past", playing: false });
  set({ at: moment });
  showMoment(recording, moment, options.playing ? before : null);
}

export function setPlaying(playing: boolean): void {
  set({ playing });
}

export function setSpeed(speed: number): void {
  set({ speed });
}

/** Back to the present: the stores are rebuilt from the recording's end, then the socket's events are shown again. */
export function goLive(): void {
  const { recording, replayOnly } = timeStore.getState();
  if (replayOnly) return;
  if (recording) showMoment(recording, reach(recording)!.to);
  set({ ...initialTime });
  setMetricsShown(true);
}

/** Forgets a replay (leaving the Rewind screen): the page is live again, with nothing kept. */
export function closeReplay(): void {
  set({ ...initialTime });
  setMetricsShown(true);
}

/** The socket's events while away: kept at the recording's end. */
export function keepWhileAway(batch: readonly NumberedEvent[]): void {
  const { recording, grown } = timeStore.getState();
  if (!recording || batch.length === 0) return;
  keepAll(recording, batch);
  set({ grown: grown + 1 });
}

/** A state the socket sent while away: kept as a snapshot, on the sandbox's clock. */
export function keepState(state: SandboxState): void {
  const { recording, grown } = timeStore.getState();
  if (!recording) return;
  const at = sandboxNow();
  const last = recording.snapshots.at(-1);
  // Numbered with the last event the page holds: moves the state already shows whose events are still on their way
  // are applied again on top of it, in order, which ends where the state is.
  const seq = recording.events.at(-1)?.seq;
  if (last && at - last.at < STATE_EVERY_MS && last.at > recording.header.to) Object.assign(last, { state, seq });
  else recording.snapshots.push({ kind: "snapshot", at: Math.max(at, last?.at ?? at), seq, state });
  set({ grown: grown + 1 });
}

function keepAll(recording: Recording, batch: readonly NumberedEvent[]): void {
  const lastSeq = recording.events.at(-1)?.seq ?? -1;
  for (const event of batch) if (event.seq > lastSeq) recording.events.push(event);
  if (recording.events.length <= KEEP_EVENTS) return;
  recording.events.splice(0, recording.events.length - KEEP_EVENTS);
  const oldest = recording.events[0].ts;
  const firstKept = recording.snapshots.findIndex((snapshot) => snapshot.at >= oldest);
  if (firstKept > 0) recording.snapshots.splice(0, firstKept);
}

// Playing: the moment moves forward with the learner's time at the chosen speed. In slow motion it never passes the
// present (less a moment for events on their way), skips quiet stretches and keeps within MAX_SLOW_LAG_MS of the
// present; otherwise it stops by itself at the recording's end.
let lastFrame = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function frame(): void {
  const { at, speed, mode, recording } = timeStore.getState();
  if (!recording) return set({ playing: false });
  const now = performance.now();
  const end = mode === "slow" ? sandboxNow() - FRAME_MS * 2 : reach(recording)!.to;
  const played = playedTo(at, now - lastFrame, speed, end);
  const next = mode === "slow" ? slowStep(played, eventBeside(recording, at, "next"), sandboxNow()) : played;
  lastFrame = now;
  moveTo(next, { playing: true });
  if (mode !== "slow" && next >= end) set({ playing: false });
}

/**
 * Where slow motion goes from `played` (where playing slowly got to), given the next event after the moment shown
 * (null: none yet) and the present: across a quiet stretch to just before what comes next, or to SLOW_LAG_MS behind
 * when nothing comes; and back to SLOW_LAG_MS behind once it has fallen MAX_SLOW_LAG_MS behind. Never ahead of
 * SLOW_LAG_MS behind by a jump, never backwards.
 */
export function slowStep(played: number, nextEvent: number | null, present: number): number {
  const lagged = present - SLOW_LAG_MS;
  if (present - played > MAX_SLOW_LAG_MS) return Math.max(played, lagged);
  if (nextEvent === null || nextEvent - played > QUIET_GAP_MS) return Math.max(played, Math.min(lagged, nextEvent === null ? lagged : nextEvent - QUIET_LEAD_MS));
  return played;
}

timeStore.subscribe((view) => {
  if (view.playing && timer === null) {
    lastFrame = performance.now();
    timer = setInterval(frame, FRAME_MS);
  } else if (!view.playing && timer !== null) {
    clearInterval(timer);
    timer = null;
  }
});
