// The browser's model of the sandbox: the latest state, the recent events and the connection, as pure reducers in a zustand store.
import { createStore, type StoreApi } from "zustand/vanilla";
import type { SandboxState } from "../../contract/control";
import type { NumberedEvent } from "../../contract/events";
import type { Snapshot } from "../../contract/socket";
import { applyCircuitEvents, NO_CIRCUITS, type CircuitStates } from "../circuits";
import { closeFold, foldInto, GeneratedJobs, type StreamItem } from "../stream-fold";

/**
 * How many events the page keeps for the event stream. Enough to scroll back through several seconds of busy
 * traffic; the list draws only the rows in view, so the cost is the copy per frame, not the rendering.
 */
export const MAX_EVENTS = 2000;

/** The generator's queue jobs seen so far, for folding their retries (see GeneratedJobs); bounded, shared by the page. */
const generatedJobs = new GeneratedJobs();

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

export interface SandboxView {
  /** The latest state the server reported, or null before the first snapshot. */
  sandbox: SandboxState | null;
  /** The most recent events, oldest first, at most MAX_EVENTS. */
  events: NumberedEvent[];
  /**
   * The stream as a person follows it, oldest first, at most MAX_EVENTS items: every event but the traffic
   * generator's, whose runs are folded into counting rows. Its own cap, so generated traffic cannot push a
   * learner's order out of it.
   */
  stream: StreamItem[];
  /** Events received since the last snapshot, including those no longer kept. */
  receivedEvents: number;
  /** Events that arrived in a burst larger than the history and so were never kept: sampled away. */
  sampledAway: number;
  connection: ConnectionStatus;
  /** Circuit breakers open or half-open, by the arrow they guard: the latest circuit event per arrow. */
  circuits: CircuitStates;
}

export const initialView: SandboxView = {
  sandbox: null,
  events: [],
  stream: [],
  receivedEvents: 0,
  sampledAway: 0,
  connection: "connecting",
  circuits: NO_CIRCUITS,
};

/** Keeps the newest `limit` items of a list, returning the same array when nothing has to go. */
export function keepNewest<T>(items: T[], limit: number = MAX_EVENTS): T[] {
  return items.length > limit ? items.slice(items.length - limit) : items;
}

/** A (re)connection starts from scratch: the snapshot replaces whatever the page knew. */
export function applySnapshot(view: SandboxView, snapshot: Snapshot): SandboxView {
  return {
    ...view,
    sandbox: snapshot.state,
    events: keepNewest(snapshot.recentEvents),
    stream: foldInto([], snapshot.recentEvents, MAX_EVENTS, generatedJobs),
    receivedEvents: snapshot.recentEvents.length,
    sampledAway: 0,
    // Start again from what the snapshot's events say: a breaker that changed while the page was away is not kept stale.
    circuits: applyCircuitEvents(NO_CIRCUITS, snapshot.recentEvents),
  };
}

export function applyState(view: SandboxView, sandbox: SandboxState): SandboxView {
  return { ...view, sandbox };
}

/**
 * Appends a batch, oldest first. Events the page already holds (same or lower sequence number, e.g. a batch
 * that was in flight while a snapshot arrived) are skipped so nothing shows twice.
 */
export function appendEvents(view: SandboxView, batch: readonly NumberedEvent[]): SandboxView {
  const lastSeq = view.events.length > 0 ? view.events[view.events.length - 1].seq : -Infinity;
  const fresh = batch.filter((event) => event.seq > lastSeq);
  if (fresh.length === 0) return view;
  return {
    ...view,
    events: keepNewest([...view.events, ...fresh]),
    stream: foldInto(view.stream, fresh, MAX_EVENTS, generatedJobs),
    receivedEvents: view.receivedEvents + fresh.length,
    sampledAway: view.sampledAway + Math.max(0, fresh.length - MAX_EVENTS),
    circuits: applyCircuitEvents(view.circuits, fresh),
  };
}

/** A clear: generated events that come next are counted in a new fold, not in the one before the clear. */
export function closeStreamFold(view: SandboxView): SandboxView {
  const stream = closeFold(view.stream);
  return stream === view.stream ? view : { ...view, stream };
}

export function setConnection(view: SandboxView, connection: ConnectionStatus): SandboxView {
  return view.connection === connection ? view : { ...view, connection };
}

export type SandboxStore = StoreApi<SandboxView>;

export function createSandboxStore(initial: SandboxView = initialView): SandboxStore {
  return createStore<SandboxView>()(() => initial);
}

/** The page's one store; components read it through `useSandbox` with narrow selectors. */
export const sandboxStore: SandboxStore = createSandboxStore();

/** Events the page had to let go before keeping them (a burst larger than it can hold between two frames). */
export function addSampledAway(view: SandboxView, count: number): SandboxView {
  return count > 0 ? { ...view, sampledAway: view.sampledAway + count } : view;
}

/** The events of a batch the page has not seen yet (a batch in flight while a snapshot arrived overlaps it). */
export function unseenEvents(view: SandboxView, batch: readonly NumberedEvent[]): NumberedEvent[] {
  const lastSeq = view.events.length > 0 ? view.events[view.events.length - 1].seq : -Infinity;
  return batch.filter((event) => event.seq > lastSeq);
}
