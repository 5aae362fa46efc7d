// Counts of jobs in each queue, asked of BullMQ itself. BullMQ is loaded at the first count, not with the server:
// its few hundred modules took ~0.2 s (0.45 s on a busy machine) before the server could start a single service.
import type { ConnectionOptions, Queue } from "bullmq";
import { FAIL_FAST, QueueShelf } from "../../contract/broker";
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
  private shelf: Promise<QueueShelf<Queue>> | undefined;
  private last = new Map<string, QueueView>();
  private refreshing: Promise<QueueView[]> | undefined;
  /** Closed for good: nothing is opened again (the app is stopping). */
  private closed = false;

  constructor(
    private readonly names: string[],
    private readonly connection: ConnectionOptions,
    private readonly prefix: string,
  ) {}

  /** The queues, BullMQ loaded at the first use; one whose opening failed is opened again (QueueShelf). */
  private async queues(): Promise<Queue[]> {
    this.shelf ??= (import(QUEUE_MODULE) as Promise<Pick<typeof import("bullmq"), "Queue">>).then(
      ({ Queue }) =>
        new QueueShelf((name) => {
          // Fail fast while the broker is down: the last counts stay on screen until it answers again.
          const queue = new Queue(name, { connection: { ...this.connection, ...FAIL_FAST }, prefix: this.prefix });
          queue.on("error", () => {});
          return queue;
        }),
    );
    const shelf = await this.shelf;
    return this.closed ? [] : this.names.map((name) => shelf.get(name));
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
    this.closed = true;
    await (await this.shelf)?.close();
  }
}
