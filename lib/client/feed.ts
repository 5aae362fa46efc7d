// Where the socket's events go: one flush per animation frame updates every store that draws from them.
import type { NumberedEvent } from "../contract/events";
import type { Snapshot } from "../contract/socket";
import { launchDots } from "./dots";
import { recordForMetrics } from "./metrics-store";
import { appendLogs, logsStore } from "./service-logs";
import { addSampledAway, appendEvents, applySnapshot, sandboxStore, unseenEvents } from "./store";
import { recordTraces, resetTraces } from "./traces";

/** One frame's worth of events, oldest first; `skipped` were let go before this frame. */
export function feedEvents(batch: readonly NumberedEvent[], skipped = 0): void {
  const fresh = unseenEvents(sandboxStore.getState(), batch);
  if (fresh.length === 0 && skipped === 0) return;
  sandboxStore.setState((view) => addSampledAway(appendEvents(view, fresh), skipped), true);
  recordForMetrics(fresh);
  recordTraces(fresh);
  logsStore.setState((logs) => appendLogs(logs, fresh), true);
  // A hidden page draws nothing: dots launched now would pile up and all run at once when it shows again.
  if (typeof document === "undefined" || !document.hidden) launchDots(fresh);
}

/** A (re)connection: the snapshot replaces what the page knew, and its recent events seed traces, logs and metrics. */
export function feedSnapshot(snapshot: Snapshot): void {
  sandboxStore.setState((view) => applySnapshot(view, snapshot), true);
  resetTraces();
  recordTraces(snapshot.recentEvents);
  logsStore.setState(appendLogs({}, snapshot.recentEvents), true);
  recordForMetrics(snapshot.recentEvents);
}
