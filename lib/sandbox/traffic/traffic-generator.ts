// The traffic generator behind /api/traffic: a steady mix of shoppers at a set rate against one or every running
// stack, each stack getting the same rate, for a while or until stopped. Timers live here; the arithmetic and the
// mix are pure modules (pacing.ts, shopper-mix.ts).
import { DEFAULT_TRAFFIC_S, type TrafficBody, type TrafficView } from "../../contract/control";
import type { StackId } from "../../contract/events";
import { dueAtTick } from "./pacing";
import { conflict } from "../refused";
import type { Sandbox } from "../sandbox";
import type { TrafficControl } from "./traffic-control";
import { StackShoppers } from "./stack-shoppers";
import { TRAFFIC_WINDOW_MS, TrafficTally } from "./traffic-tally";

/** Requests go out in small groups this often: at 500/s, 12–13 per tick, smooth enough for the shop and the graph. */
export const TICK_MS = 25;
/** After a stall of the event loop, at most this much traffic goes at once; the rest follows at the next ticks. */
export const MAX_CATCH_UP_MS = 100;
/** Traffic owed beyond this much (a stall longer than it) is given up and counted as skipped late, not sent as a burst. */
export const MAX_BACKLOG_MS = 1_000;
/** The most any one stack gets, whatever is asked: the contract's limit, kept here too as the machine's guard. */
export const MAX_RPS_PER_STACK = 500;

interface Run {
  rps: number;
  stacks: StackId[];
  tallies: Map<StackId, TrafficTally>;
  /** Stacks still driven: a stack the architecture no longer runs drops out, its counts stay in the view. */
  driven: Set<StackId>;
  startedAt: number;
  startedMono: number;
  endsAt: number | null;
  durationMs: number | null;
  issued: number;
  summary: string;
  /** When the timer last ticked (performance.now()), to tell how late the next tick is. */
  lastTickMono: number;
}

export function describeTraffic(rps: number, stacks: StackId[], durationS: number): string {
  const where = stacks.length > 1 ? `to each of ${stacks.join(" and ")}` : `to ${stacks[0] ?? "no stack"}`;
  return `${rps} requests/s ${where}, for ${durationS} s`;
}

const ms = (value: number | null) => (value === null ? "–" : value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);

/** What an ended run measured, per stack, from its own tallies: what its shoppers got. */
export function describeResult(stacks: TrafficView["stacks"]): string {
  return stacks
    .map((tally) => {
      const answered = tally.ok + tally.failed + tally.refused;
      const latency = tally.p50Ms === null ? `no successful answer in its last ${TRAFFIC_WINDOW_MS / 1_000} s` : `p50 ${ms(tally.p50Ms)}, p95 ${ms(tally.p95Ms)} over its last ${TRAFFIC_WINDOW_MS / 1_000} s of answers`;
      const refused = tally.refused > 0 ? `, ${tally.refused} refused by the shop (429)` : "";
      return `${tally.stack}: ${tally.sent} requests sent, ${tally.failed} of ${answered} answered failed${refused}, ${tally.ordersAccepted} orders accepted; ${latency}.`;
    })
    .join(" ");
}

export class TrafficGenerator implements TrafficControl {
  private run: Run | null = null;
  private timer: NodeJS.Timeout | undefined;
  /** Kept across runs, so shoppers keep their accounts and tokens instead of logging in again. */
  private readonly shoppers = new Map<StackId, StackShoppers>();

  constructor(private readonly sandbox: Sandbox) {}

  start(body: TrafficBody): TrafficView {
    const running = this.sandbox.running();
    if (body.stack && !running.includes(body.stack)) {
      throw conflict(`the ${body.stack} stack is not running, so it cannot get traffic: switch the architecture to ${body.stack} or both first`);
    }
    const stacks = body.stack ? [body.stack] : running;
    const rps = Math.min(MAX_RPS_PER_STACK, Math.max(1, Math.floor(body.rps)));
    this.halt();
    const now = Date.now();
    const durationS = body.durationS ?? DEFAULT_TRAFFIC_S;
    // New traffic is a new experiment: what earlier runs measured no longer speaks for this one.
    this.sandbox.incidents.newExperiment(now);
    this.run = {
      rps,
      stacks,
      tallies: new Map(stacks.map((stack) => [stack, new TrafficTally(stack)])),
      driven: new Set(stacks),
      startedAt: now,
      startedMono: performance.now(),
      endsAt: now + durationS * 1_000,
      durationMs: durationS * 1_000,
      issued: 0,
      summary: describeTraffic(rps, stacks, durationS),
      lastTickMono: performance.now(),
    };
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    return this.view();
  }

  /** Stops sending; requests in flight finish and are still counted. */
  stop(): TrafficView {
    this.halt();
    return this.view();
  }

  view(): TrafficView {
    const run = this.run;
    if (!run) return { running: false, rps: 0, summary: "no traffic yet", stacks: [], startedAt: null, endsAt: null, result: null };
    const now = Date.now();
    const running = this.timer !== undefined;
    // One reading of the tallies for the table and the sentence: they cannot disagree, even while late answers come in.
    const stacks = run.stacks.map((stack) => run.tallies.get(stack)!.view(now, !running));
    return { running, rps: run.rps, summary: run.summary, stacks, startedAt: run.startedAt, endsAt: run.endsAt, result: running ? null : describeResult(stacks) };
  }

  private halt(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private shoppersOf(stack: StackId): StackShoppers {
    let shoppers = this.shoppers.get(stack);
    if (!shoppers) this.shoppers.set(stack, (shoppers = new StackShoppers(stack, () => this.sandbox.entryPoints(stack), Math.random, (method, path, status, durationMs) => this.sandbox.shopperAnswered(stack, method, path, status, durationMs))));
    return shoppers;
  }

  private tick(): void {
    const run = this.run;
    if (!run) return this.halt();
    const running = this.sandbox.running();
    for (const stack of run.driven) if (!running.includes(stack)) run.driven.delete(stack);
    if (run.driven.size === 0) return this.halt();
    const elapsedMs = performance.now() - run.startedMono;
    const ended = run.durationMs !== null && elapsedMs >= run.durationMs;
    // The last tick sends what was due up to the end, not beyond it.
    const { send, dropped, issued } = dueAtTick({ rps: run.rps, issued: run.issued }, ended ? run.durationMs! : elapsedMs, MAX_CATCH_UP_MS, MAX_BACKLOG_MS);
    run.issued = issued;
    const now = performance.now();
    const stallMs = Math.max(0, now - run.lastTickMono - TICK_MS);
    run.lastTickMono = now;
    const driven = [...run.driven];
    for (const stack of driven) {
      const tally = run.tallies.get(stack)!;
      tally.skipped += dropped;
      tally.skippedLate += dropped;
      tally.longestStallMs = Math.max(tally.longestStallMs, stallMs);
    }
    // One request to each stack in turn, so neither is always first in the event loop: both are driven alike.
    for (let index = 0; index < send; index++) for (const stack of driven) this.shoppersOf(stack).visit(run.tallies.get(stack)!);
    if (ended) this.halt();
  }
}
