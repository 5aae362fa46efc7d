// What a scenario measured while it ran, from the shoppers' side (the traffic's own counts) and the broker's queue
// counts: the latest reading, the peaks, and the counts at named moments ("payment-service killed"), so its live
// figure and its summary are differences of measured numbers, never estimates.
import type { QueueView, TrafficView } from "../../contract/control";
import type { StackId } from "../../contract/events";

export type TrafficCounts = Pick<TrafficView["stacks"][number], "sent" | "ok" | "failed" | "ordersAccepted" | "p95Ms">;
export type CountName = Exclude<keyof TrafficCounts, "p95Ms">;

const ZERO: TrafficCounts = { sent: 0, ok: 0, failed: 0, ordersAccepted: 0, p95Ms: null };

export class ScenarioReadings {
  private latestTraffic = new Map<StackId, TrafficCounts>();
  private latestQueues = new Map<string, QueueView>();
  private readonly peakWaiting = new Map<string, number>();
  private readonly peakP95 = new Map<StackId, number>();
  private readonly marks = new Map<string, Map<StackId, TrafficCounts>>();
  readings = 0;

  /** Records one reading of the traffic (of the scenario's own run of the generator) and the queues. */
  record(traffic: TrafficView, queues: QueueView[]): void {
    this.readings++;
    for (const stack of traffic.stacks) {
      this.latestTraffic.set(stack.stack, { sent: stack.sent, ok: stack.ok, failed: stack.failed, ordersAccepted: stack.ordersAccepted, p95Ms: stack.p95Ms });
      if (stack.p95Ms !== null) this.peakP95.set(stack.stack, Math.max(this.peakP95.get(stack.stack) ?? 0, stack.p95Ms));
    }
    for (const queue of queues) {
      this.latestQueues.set(queue.name, queue);
      this.peakWaiting.set(queue.name, Math.max(this.peakWaiting.get(queue.name) ?? 0, queue.waiting));
    }
  }

  /** Remembers the counts now under `name`, so later figures can say what happened since. */
  mark(name: string): void {
    this.marks.set(name, new Map(this.latestTraffic));
  }

  hasMark(name: string): boolean {
    return this.marks.has(name);
  }

  /** A count now (or at mark `at`). */
  count(stack: StackId, name: CountName, at?: string): number {
    const counts = at === undefined ? this.latestTraffic.get(stack) : this.marks.get(at)?.get(stack);
    return (counts ?? ZERO)[name];
  }

  /** How much a count grew between mark `from` and mark `to` (or now). */
  between(stack: StackId, name: CountName, from: string, to?: string): number {
    if (!this.marks.has(from)) return 0;
    return Math.max(0, this.count(stack, name, to) - this.count(stack, name, from));
  }

  /** The shoppers' p95 latency over the traffic's sliding window now (or at mark `at`), null with no answer yet. */
  p95(stack: StackId, at?: string): number | null {
    const counts = at === undefined ? this.latestTraffic.get(stack) : this.marks.get(at)?.get(stack);
    return counts?.p95Ms == null ? null : Math.round(counts.p95Ms);
  }

  waiting(queue: string): number {
    return this.latestQueues.get(queue)?.waiting ?? 0;
  }

  peakWaitingIn(queue: string): number {
    return this.peakWaiting.get(queue) ?? 0;
  }

  /** The highest p95 the shoppers saw (over the traffic's sliding window), or null with no answer yet. */
  peakP95Of(stack: StackId): number | null {
    return this.peakP95.has(stack) ? Math.round(this.peakP95.get(stack)!) : null;
  }
}
