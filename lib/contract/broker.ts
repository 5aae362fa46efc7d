// Where the broker is, as both sides reach it: the sandbox's own redis-server on a unix socket, or one given by URL.
// The services connect their queues to it and the sandbox counts their jobs through it, from this one reading.
import type { ConnectionOptions } from "bullmq";

export type BrokerAddress = { path: string } | { url: string };

export function brokerConnection(redis: BrokerAddress): ConnectionOptions {
  if ("path" in redis) return { path: redis.path };
  const url = new URL(redis.url);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password || undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
  };
}

/**
 * A queue's connection that never waits for a broker that is down: a command fails at once rather than queueing. For a
 * producer on the request path and for the sandbox's job counts.
 */
export const FAIL_FAST = { enableOfflineQueue: false, maxRetriesPerRequest: 1 } as const;

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
