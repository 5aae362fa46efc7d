// What the Traffic panel says of skipped requests: their real cause, from the generator's own counts. Pure.
import type { TrafficView } from "../contract/control";

type Tally = TrafficView["stacks"][number];

const seconds = (ms: number) => `${(ms / 1_000).toFixed(1)} s`;

/** One sentence per cause that skipped any request; null when nothing was skipped. */
export function skippedNote(stacks: readonly Tally[]): string | null {
  const late = Math.max(0, ...stacks.map((tally) => tally.skippedLate ?? 0));
  const crowded = stacks.reduce((sum, tally) => sum + tally.skipped - (tally.skippedLate ?? 0), 0);
  const stall = Math.max(0, ...stacks.map((tally) => tally.longestStallMs ?? 0));
  const sentences: string[] = [];
  if (late > 0) sentences.push(`Skipped late: the sandbox's own event loop stalled (for up to ${seconds(stall)}), longer than the generator catches up, so the requests due meanwhile were given up rather than sent as a burst.`);
  if (crowded > 0) sentences.push("Skipped in flight: a stack already had as many requests in flight as the generator allows (64): it answers slower than they are sent.");
  return sentences.length > 0 ? sentences.join(" ") : null;
}
