// The queues one process holds, by name: the services' inboxes and publishers, and the sandbox's job counts, each
// reopened after an opening the broker cut short.
/** What QueueShelf needs of a BullMQ Queue. */
interface Opening {
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The queues one process holds, opened by name at their first use. BullMQ keeps a failed opening for good: when the
 * broker goes away while BullMQ asks for its version (right after connecting), a fail-fast queue answers every later
 * command with that error, even once the broker is back. So a queue whose opening failed is closed and forgotten here,
 * and the next use opens a new one. Once the shelf is closed (the process is stopping), nothing is opened again.
 */
export class QueueShelf<Q extends Opening> {
  private readonly queues = new Map<string, Q>();
  private opener: Promise<(name: string) => Q> | undefined;
  closed = false;

  /** `load` gives what opens a queue; it is called at the first use, so a process that uses no queue loads no BullMQ. */
  constructor(private readonly load: () => Promise<(name: string) => Q>) {}

  /** The queue called `name`, opened now if need be; refused once the shelf is closed. */
  async get(name: string): Promise<Q> {
    const open = await (this.opener ??= this.load());
    if (this.closed) throw new Error(`queue ${name} is closed: the process is stopping`);
    const held = this.queues.get(name);
    if (held) return held;
    const queue = open(name);
    this.queues.set(name, queue);
    queue.waitUntilReady().catch(() => {
      if (this.queues.get(name) === queue) this.queues.delete(name);
      queue.close().catch(() => {});
    });
    return queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.allSettled(queues.map((queue) => queue.close()));
  }
}
