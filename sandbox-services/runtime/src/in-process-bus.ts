// The monolith's event bus: a domain event goes to the inbox of every subscribing module, in memory. It keeps the
// queues' promises (each subscriber its own copy, a key taken once, retries) but not their durability: a crash of the
// process loses every event in flight, where a BullMQ queue would have kept it for the consumer's return.
import type { StackId } from "../../../lib/contract/events";
import { DOMAIN_EVENTS, type ShopServiceId } from "../../../lib/contract/service-names";
import { Inbox, type InboxLimits } from "./in-process-inbox";
import { JOB_RETRIES, jobIdFor } from "./event-jobs";
import type { EventHandlers, Publisher } from "./queues";
import { childSpan } from "./trace";

/** The same retry policy as the microservices' queues, so the two deployments ride out a failure alike. */
export const BUS_LIMITS: InboxLimits = {
  attempts: JOB_RETRIES.attempts,
  backoffMs: JOB_RETRIES.backoff.delay,
  // As each service's BullMQ worker takes four jobs at a time.
  concurrency: 4,
  // Enough for minutes of the sandbox's heaviest traffic with a slow consumer; beyond, memory would grow unbounded.
  maxWaiting: 10_000,
  // As many as each BullMQ queue keeps finished jobs: long enough to absorb a repeated publish, not for ever.
  rememberedKeys: 2_000,
};

export interface InProcessBus {
  /** The publisher a module is handed, as a microservice is handed its BullMQ publisher. */
  publisherFor(module: ShopServiceId): Publisher;
  subscribe(module: ShopServiceId, handlers: EventHandlers): void;
  /** Resolves once every event published so far, and every event those led to, has been handled or has failed. */
  drain(): Promise<void>;
  /** Lets running handlers finish, then drops what is left in memory; returns how many events were lost. */
  close(): Promise<number>;
}

/** As BullMQ job ids in queues.ts: no ":" in an id, keys are made of event names and ids. */

export function createInProcessBus(stack: StackId, limits: Partial<InboxLimits> = {}): InProcessBus {
  const inboxes = new Map<ShopServiceId, Inbox>();
  const inboxOf = (module: ShopServiceId): Inbox => {
    let inbox = inboxes.get(module);
    if (!inbox) inboxes.set(module, (inbox = new Inbox(module, stack, { ...BUS_LIMITS, ...limits })));
    return inbox;
  };
  for (const { subscribers } of Object.values(DOMAIN_EVENTS)) subscribers.forEach(inboxOf);

  return {
    publisherFor(module) {
      return {
        async publish(event, payload, key) {
          const publishSpan = childSpan();
          const jobId = jobIdFor(event, key);
          // Each subscriber gets its own copy, as each gets its own job in its own queue.
          for (const subscriber of DOMAIN_EVENTS[event].subscribers) inboxOf(subscriber).add({ event, payload: structuredClone(payload), jobId, publishedBy: module, publishSpan });
        },
        async close() {},
      };
    },
    subscribe: (module, handlers) => inboxOf(module).subscribe(handlers),
    async drain() {
      // Handlers publish into other inboxes: done only when every inbox is idle at the same moment.
      for (;;) {
        const busy = [...inboxes.values()].filter((inbox) => inbox.pending > 0);
        if (busy.length === 0) return;
        await Promise.all(busy.map((inbox) => inbox.idle()));
      }
    },
    async close() {
      await Promise.all([...inboxes.values()].map((inbox) => inbox.stop()));
      return [...inboxes.values()].reduce((lost, inbox) => lost + inbox.discard(), 0);
    },
  };
}
