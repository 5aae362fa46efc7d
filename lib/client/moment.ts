// Puts a moment of a recording on every store the page draws from: the graph's state and the stream, the traces, the
// services' log lines, the live figures and the queues' job counts, each as it was then.
import type { Recording } from "../contract/recording";
import { launchDots } from "./stores/dots-store";
import { jobsStore, recordJobs } from "./stores/job-counts-store";
import { METRICS_WINDOW_MS, recordSamples, summarize } from "./metrics";
import { metricsStore } from "./stores/metrics-store";
import { upperBound, viewAt } from "./rewind";
import { appendLogs, logsStore } from "./stores/service-logs-store";
import { sandboxStore } from "./stores/sandbox-store";
import { recordTraces, resetTraces } from "./stores/trace-store";

/** Events before the moment that the traces and log lines are rebuilt from: several seconds of busy traffic. */
const CONTEXT_EVENTS = 5_000;
/** Playing forward by at most this much launches the dots of the events passed; a jump launches none. */
const DOTS_SPAN_MS = 2_000;

/** The recording and the event count the traces and log lines were last rebuilt from. */
let indexed: { recording: Recording; upTo: number } | null = null;

/**
 * Shows `at`; `from` is the moment shown before, so playing forward sends the dots of the calls and jobs in between
 * along their arrows. The connection shown stays the page's own: the past is shown, the socket is still there.
 */
export function showMoment(recording: Recording, at: number, from: number | null = null): boolean {
  const view = viewAt(recording, at);
  if (!view) return false;
  const connection = sandboxStore.getState().connection;
  sandboxStore.setState({ ...view, connection }, true);
  const upTo = upperBound(recording.events, at);
  const context = recording.events.slice(Math.max(0, upTo - CONTEXT_EVENTS), upTo);
  // Playing slowly, most frames pass no event: the traces and log lines stay as they are instead of being rebuilt
  // from the 5,000 events before the moment at every frame.
  if (indexed?.recording !== recording || indexed.upTo !== upTo) {
    resetTraces();
    recordTraces(context);
    logsStore.setState(appendLogs({}, context), true);
    indexed = { recording, upTo };
  }
  const window = context.filter((event) => event.ts > at - METRICS_WINDOW_MS);
  metricsStore.setState(summarize(recordSamples([], window, at), at), true);
  jobsStore.setState(recordJobs({}, window, at), true);
  if (from !== null && at > from && at - from <= DOTS_SPAN_MS) launchDots(window.filter((event) => event.ts > from));
  return true;
}
