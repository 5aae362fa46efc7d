// Counts of jobs in each queue, asked of BullMQ itself. BullMQ is loaded at the first count, not with the server:
// its few hundred modules take ~0.2 s to load (more on a busy machine), which would delay the first service's start.
import type { ConnectionOptions, Queue } from "bullmq";
import { FAIL_FAST } from "../../contract/broker";
import { QueueShelf } from "../../../sandbox-services/runtime/src/queue-shelf";
import type { QueueView } from "../../contract/control";

/** Queue's own module, not the package's index: that would load BullMQ's Postgres backend and other clients too. */
const QUEUE_MODULE = "bullmq/dist/cjs/classes/queue.js";
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
  private readonly shelf: QueueShelf<Queue>;
  private last = new Map<string, QueueView>();
  private refreshing: Promise<QueueView[]> | undefined;

  constructor(
    private readonly names: string[],
    connection: ConnectionOptions,
    prefix: string,
  ) {
    this.shelf = new QueueShelf(async () => {
      const { Queue } = (await import(QUEUE_MODULE)) as Pick<typeof import("bullmq"), "Queue">;
      return (name) => {
        // Fail fast while the broker is down: the last counts stay on screen until it answers again.
        const queue = new Queue(name, { connection: { ...connection, ...FAIL_FAST, connectionName: `sandbox:count:${name}` }, prefix });
        queue.on("error", () => {});
        return queue;
      };
    });
  }

  /** The queues (BullMQ loaded at the first use; one whose opening failed opened again); none once closed. */
  private async queues(): Promise<Queue[]> {
    try {
      return await Promise.all(this.names.map((name) => this.shelf.get(name)));
    } catch (error) {
      // Closed meanwhile (the app stopping, even while BullMQ was still loading): no counts to ask for.
      if (this.shelf.closed) return [];
      throw error;
    }
  }

  /** Asks BullMQ for fresh counts; a refresh already under way is shared rather than repeated. */
  refresh(): Promise<QueueView[]> {
    this.refreshing ??= this.countAll().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async countAll(): Promise<QueueView[]> {
    await Promise.all(
      (await this.queues()).map(async (queue) => {
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
    return this.names.map((name) => this.last.get(name) ?? { name, waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 });
  }

  /** Removes every job of every queue (a reset). */
  async obliterate(): Promise<void> {
    await Promise.all((await this.queues()).map((queue) => queue.obliterate({ force: true })));
    this.last.clear();
  }

  async close(): Promise<void> {
    await this.shelf.close();
  }
}
