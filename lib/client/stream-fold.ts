// Folds the traffic generator's events in the stream: a run of generated calls and jobs between two events a person
// should see (their own requests, lifecycle, logs, circuits) becomes one row that counts what it holds.
import type { NumberedEvent, StackId, TelemetryEvent } from "../contract/events";
import { isFailure } from "./outcome";

/** What a folded event was, kept as a count per kind of call, so a filter can still ask "how many of these?". */
export interface FoldCount {
  stack: StackId;
  kind: "http" | "queue";
  /** A storefront request ("GET /api/products/:id"), a call between services, or a queue job ("OrderCreated"). */
  label: string;
  /** True for a shopper's request to the shop (from "client"): what a generated shopper asked for. */
  entry: boolean;
  /** The services and queues the events involved, for the service filter. */
  involved: readonly string[];
  failed: boolean;
  count: number;
}

export interface FoldRow {
  type: "fold";
  /** The first and the last folded event's sequence numbers: the row sits where its run was. */
  firstSeq: number;
  seq: number;
  firstTs: number;
  ts: number;
  /** Counts by key (see keyOf); the object is replaced, never changed, when the fold grows. */
  counts: Readonly<Record<string, FoldCount>>;
  /** A clear or a pause ended this run: the next generated event starts a new row. */
  closed?: boolean;
}

/** A row of the folded stream: an event shown as it is, or a fold of generated ones. */
export type StreamItem = NumberedEvent | FoldRow;

export const isFoldRow = (item: StreamItem): item is FoldRow => item.type === "fold";

/** Events the generator's shoppers caused: their calls and the queue jobs of their orders. */
export function isGenerated(event: TelemetryEvent): boolean {
  return (event.type === "http" || event.type === "queue") && event.origin === "traffic";
}

/** Jobs remembered as generated: an hour of a busy generator's orders would be more, but a retry comes within seconds. */
export const GENERATED_JOBS_KEPT = 5_000;

/**
 * The queue jobs seen carrying the generator's mark. A job announced again outside its request (order-service's
 * outbox retrying a publish the broker was slow to confirm) starts a trace of its own, unmarked: its job id, which
 * names the order, still tells it apart from a person's.
 */
export class GeneratedJobs {
  private readonly ids = new Set<string>();
  constructor(private readonly limit = GENERATED_JOBS_KEPT) {}
  add(jobId: string): void {
    if (this.ids.has(jobId)) return;
    this.ids.add(jobId);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value!);
  }
  has(jobId: string): boolean {
    return this.ids.has(jobId);
  }
}

/** Whether to fold this event: marked as generated, or a job of a generated order; remembers generated jobs. */
function foldable(event: NumberedEvent, jobs: GeneratedJobs | undefined): boolean {
  if (event.type !== "queue") return isGenerated(event);
  if (event.origin === "traffic") {
    jobs?.add(event.jobId);
    return true;
  }
  return event.jobId !== "" && (jobs?.has(event.jobId) ?? false);
}

/** An id in a path (p-mouse, an order id, a number) becomes ":id", so GET /api/products/p-mouse and …/p-desk count together. */
export function pathPattern(path: string): string {
  const bare = path.split("?")[0];
  return bare
    .split("/")
    .map((segment, i) => (i > 0 && (/\d/.test(segment) || /^[a-z]{1,5}-/.test(segment) || segment.length > 24) ? ":id" : segment))
    .join("/");
}

function countOf(event: NumberedEvent): FoldCount | null {
  if (event.type === "http") {
    const entry = event.from === "client";
    return { stack: event.stack, kind: "http", label: `${event.method} ${pathPattern(event.path)}`, entry, involved: [event.from, event.to], failed: isFailure(event), count: 1 };
  }
  if (event.type === "queue") {
    return { stack: event.stack, kind: "queue", label: event.job || "job", entry: false, involved: [event.service, event.queue], failed: isFailure(event), count: 1 };
  }
  return null;
}

const keyOf = (count: FoldCount) => `${count.stack}|${count.kind}|${count.involved.join(">")}|${count.label}|${count.failed ? 1 : 0}`;

/** Adds one generated event to a fold it owns (a copy made for this batch). */
function grow(fold: FoldRow, counts: Record<string, FoldCount>, event: NumberedEvent): void {
  const count = countOf(event);
  if (!count) return;
  const key = keyOf(count);
  const known = counts[key];
  counts[key] = known ? { ...known, count: known.count + 1 } : count;
  fold.seq = event.seq;
  fold.ts = event.ts;
}

/**
 * Appends a batch (oldest first) to the folded stream and keeps its newest `limit` items. Generated events extend
 * the fold at the end, or start one; every other event is kept as it is and ends the fold before it.
 */
export function foldInto(items: readonly StreamItem[], batch: readonly NumberedEvent[], limit: number, jobs?: GeneratedJobs): StreamItem[] {
  const next = items.slice();
  // The open fold this call owns: copied once from the last item, then grown in place for the rest of the batch.
  let open: { fold: FoldRow; counts: Record<string, FoldCount> } | null = null;
  for (const event of batch) {
    if (!foldable(event, jobs)) {
      next.push(event);
      open = null;
      continue;
    }
    if (!open) {
      const last = next.at(-1);
      if (last && isFoldRow(last) && !last.closed) {
        const counts = { ...last.counts };
        open = { fold: { ...last, counts }, counts };
        next[next.length - 1] = open.fold;
      } else {
        const counts: Record<string, FoldCount> = {};
        open = { fold: { type: "fold", firstSeq: event.seq, seq: event.seq, firstTs: event.ts, ts: event.ts, counts }, counts };
        next.push(open.fold);
      }
    }
    grow(open.fold, open.counts, event);
  }
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** Ends the fold at the end of the stream, so what comes after a clear is counted apart from what came before. */
export function closeFold(items: StreamItem[]): StreamItem[] {
  const last = items.at(-1);
  if (!last || !isFoldRow(last) || last.closed) return items;
  return [...items.slice(0, -1), { ...last, closed: true }];
}
