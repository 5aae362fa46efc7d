// Counts of jobs in each queue, asked of BullMQ itself.
import { Queue, type ConnectionOptions } from "bullmq";
import type { QueueView } from "../../contract/control";

const STATES = ["waiting", "active", "completed", "failed", "delayed"] as const;
/** A count the broker has not given by then is skipped: while it is down, BullMQ would wait for it forever. */
export const COUNT_TIMEOUT_MS = 800;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

export class QueueStats {
  private readonly queues: Queue[];
  private last = new Map<string, QueueView>();
  private refreshing: Promise<QueueView[]> | undefined;

  constructor(names: string[], connection: ConnectionOptions, prefix: string) {
    // Fail fast while the broker is down: the last counts stay on screen until it answers again.
    this.queues = names.map((name) => {
      const queue = new Queue(name, { connection: { ...connection, enableOfflineQueue: false, maxRetriesPerRequest: 1 }, prefix });
      queue.on("error", () => {});
      return queue;
    });
  }

  /** Asks BullMQ for fresh counts; a refresh already under way is shared rather than repeated. */
  refresh(): Promise<QueueView[]> {
    this.refreshing ??= this.countAll().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async countAll(): Promise<QueueView[]> {
    await Promise.all(
      this.queues.map(async (queue) => {
        try {
          const counts = await withTimeout(queue.getJobCounts(...STATES), COUNT_TIMEOUT_MS);
          this.last.set(queue.name, { name: queue.name, waiting: counts.waiting ?? 0, active: counts.active ?? 0, completed: counts.completed ?? 0, failed: counts.failed ?? 0, delayed: counts.delayed ?? 0 });
        } catch {
          // Broker unreachable: keep what we knew.
        }
      }),
    );
    return this.views();
  }

  views(): QueueView[] {
    return this.queues.map((queue) => this.last.get(queue.name) ?? { name: queue.name, waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 });
  }

  /** Removes every job of every queue (a reset). */
  async obliterate(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.obliterate({ force: true })));
    this.last.clear();
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.queues.map((queue) => queue.close()));
  }
}
