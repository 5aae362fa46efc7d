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
