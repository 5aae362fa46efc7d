// Counts of jobs in each queue, asked of BullMQ itself.
import { Queue, type ConnectionOptions } from "bullmq";
import type { QueueView } from "../contract/control";

const STATES = ["waiting", "active", "completed", "failed", "delayed"] as const;

export class QueueStats {
  private readonly queues: Queue[];
  private last = new Map<string, QueueView>();

  constructor(names: string[], connection: ConnectionOptions, prefix: string) {
    // Fail fast while the broker is down: the last counts stay on screen until it answers again.
    this.queues = names.map((name) => {
      const queue = new Queue(name, { connection: { ...connection, enableOfflineQueue: false, maxRetriesPerRequest: 1 }, prefix });
      queue.on("error", () => {});
      return queue;
    });
  }

  async refresh(): Promise<QueueView[]> {
    await Promise.all(
      this.queues.map(async (queue) => {
        try {
          const counts = await queue.getJobCounts(...STATES);
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
