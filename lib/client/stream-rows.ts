// The rows the stream draws: events that pass the filter, and folds of generated traffic summarised for that filter.
import type { NumberedEvent, StackId } from "../contract/events";
import { matchesFilter, type StreamFilter } from "./event-filter";
import { isFoldRow, type FoldCount, type FoldRow, type StreamItem } from "./stream-fold";

export interface FoldSummary {
  type: "fold";
  /** The key a list can use: the fold's first event. */
  firstSeq: number;
  seq: number;
  ts: number;
  /** Folded events that pass the filter. */
  events: number;
  /** Of those, the shoppers' own requests to the shop. */
  requests: number;
  failed: number;
  stacks: StackId[];
  /** What was folded, most frequent first: "GET /api/products ×120". */
  parts: string[];
}

export type DisplayRow = NumberedEvent | FoldSummary;

/** How many kinds of folded call a row names before it says "…". */
const PARTS_SHOWN = 4;

function passes(count: FoldCount, filter: StreamFilter): boolean {
  if (!filter.kinds[count.kind]) return false;
  if (filter.errorsOnly && !count.failed) return false;
  if (filter.service !== null && !count.involved.includes(filter.service)) return false;
  if (filter.stack !== null && count.stack !== filter.stack) return false;
  return true;
}

/** A fold as the filter sees it; null when nothing in it passes. */
export function summariseFold(fold: FoldRow, filter: StreamFilter): FoldSummary | null {
  const counts = Object.values(fold.counts).filter((count) => passes(count, filter));
  if (counts.length === 0) return null;
  const byLabel = new Map<string, { rank: number; count: number }>();
  let events = 0;
  let requests = 0;
  let failed = 0;
  const stacks = new Set<StackId>();
  for (const count of counts) {
    events += count.count;
    if (count.entry) requests += count.count;
    if (count.failed) failed += count.count;
    stacks.add(count.stack);
  }
  // Name the shoppers' requests when the filter lets them through; otherwise what the filter's service did.
  const named = requests > 0 ? counts.filter((count) => count.entry || count.kind === "queue") : counts;
  for (const count of named) {
    const label = count.kind === "queue" ? count.label : count.entry ? count.label : `${count.involved.join(" → ")} ${count.label}`;
    const known = byLabel.get(label);
    byLabel.set(label, { rank: count.entry ? 0 : count.kind === "queue" ? 1 : 2, count: (known?.count ?? 0) + count.count });
  }
  const parts = [...byLabel.entries()]
    .sort(([, a], [, b]) => a.rank - b.rank || b.count - a.count)
    .map(([label, { count }]) => `${label} ×${count}`);
  return {
    type: "fold",
    firstSeq: fold.firstSeq,
    seq: fold.seq,
    ts: fold.ts,
    events,
    requests,
    failed,
    stacks: [...stacks].sort(),
    parts: parts.length > PARTS_SHOWN ? [...parts.slice(0, PARTS_SHOWN), `${parts.length - PARTS_SHOWN} more`] : parts,
  };
}

/** The rows to draw, newest first: items after the last clear, events that pass the filter, folds summarised for it. */
export function visibleRows(items: readonly StreamItem[], filter: StreamFilter, clearedAfterSeq: number): DisplayRow[] {
  const shown: DisplayRow[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item.seq <= clearedAfterSeq) break;
    if (isFoldRow(item)) {
      const summary = summariseFold(item, filter);
      if (summary) shown.push(summary);
    } else if (matchesFilter(item, filter)) shown.push(item);
  }
  return shown;
}

/** Generated events folded in these rows: the figure the stream's head shows. */
export const foldedCount = (rows: readonly DisplayRow[]): number => rows.reduce((sum, row) => sum + (row.type === "fold" ? row.events : 0), 0);

/** A fold's words for its row. */
export function describeFold(summary: FoldSummary): { route: string; what: string; status: string } {
  const head = summary.requests > 0 ? `+${summary.requests} generated requests (${summary.events} events) folded` : `+${summary.events} generated events folded`;
  return { route: "generated", what: `${head}: ${summary.parts.join(" · ")}`, status: summary.failed > 0 ? `${summary.failed} failed` : "folded" };
}
