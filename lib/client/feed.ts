// Where the socket's events go: one flush per animation frame updates every store that draws from them.
import type { NumberedEvent } from "../contract/events";
import type { Snapshot } from "../contract/socket";
import { launchDots } from "./stores/dots-store";
import { recordJobsSeen } from "./stores/job-counts-store";
import { recordForMetrics } from "./stores/metrics-store";
import { appendLogs, logsStore } from "./stores/service-logs-store";
import { addSampledAway, appendEvents, applySnapshot, sandboxStore, unseenEvents } from "./stores/sandbox-store";
import { isAway, keepState, keepWhileAway, timeStore } from "./stores/time-travel-store";
import { recordTraces, resetTraces } from "./stores/trace-store";

/** The newest event the traces and metrics have taken in, so a snapshot after a reconnect does not count events twice. */
let highestSeq = -1;

/** One frame's worth of events, oldest first; `skipped` were let go before this frame. */
export function feedEvents(batch: readonly NumberedEvent[], skipped = 0): void {
  // A past moment on screen: the events are kept for the way back to the present (and counted for its figures).
  if (isAway()) {
    if (!timeStore.getState().replayOnly) keepWhileAway(batch);
    recordForMetrics(batch);
    return;
  }
  const fresh = unseenEvents(sandboxStore.getState(), batch);
  if (fresh.length === 0 && skipped === 0) return;
  if (fresh.length > 0) highestSeq = Math.max(highestSeq, fresh[fresh.length - 1].seq);
  sandboxStore.setState((view) => addSampledAway(appendEvents(view, fresh), skipped), true);
  recordForMetrics(fresh);
  recordJobsSeen(fresh);
  recordTraces(fresh);
  logsStore.setState((logs) => appendLogs(logs, fresh), true);
  // A hidden page draws nothing: dots launched now would pile up and all run at once when it shows again.
  if (typeof document === "undefined" || !document.hidden) launchDots(fresh);
}

/**
 * A (re)connection: the snapshot replaces the state and the stream; traces and metrics keep what they had and take
 * in only the snapshot's events they have not seen (all of them when the server restarted and numbers began again).
 */
export function feedSnapshot(snapshot: Snapshot): void {
  if (isAway()) {
    keepWhileAway(snapshot.recentEvents);
    keepState(snapshot.state);
    return;
  }
  sandboxStore.setState((view) => applySnapshot(view, snapshot), true);
  const newest = snapshot.recentEvents.at(-1)?.seq ?? -1;
  if (newest < highestSeq) {
    resetTraces();
    highestSeq = -1;
  }
  const unseen = snapshot.recentEvents.filter((event) => event.seq > highestSeq);
  highestSeq = Math.max(highestSeq, newest);
  recordTraces(unseen);
  recordForMetrics(unseen);
  recordJobsSeen(unseen);
  logsStore.setState(appendLogs({}, snapshot.recentEvents), true);
}
