// Domain events through BullMQ: publish into each subscriber's inbox queue, consume our own inbox. BullMQ (and ioredis
// under it, ~28 MB per process) is loaded at the first publish or consumer, so services that use no queue never load it.
import type { ConnectionOptions, Job, Queue, Worker } from "bullmq";
import { FAIL_FAST } from "../../../lib/contract/broker";
import { QueueShelf } from "./queue-shelf";
import { DOMAIN_EVENTS, inboxQueueName, type DomainEventName, type ShopServiceId } from "../../../lib/contract/service-names";
import type { DomainEventPayloads } from "../../../lib/contract/shop";
import type { StackId } from "../../../lib/contract/events";
import { JOB_RETRIES, jobIdFor } from "./event-jobs";
import { beforeConsuming } from "./faults";
import { log } from "./log";
import { emit } from "./telemetry";
import { childSpan, currentTrace, formatTraceparent, originField, runInTrace, spanFrom, type TraceOrigin } from "./trace";

/** What travels in a job: the event, its payload and the trace it belongs to. */
export interface EventJobData<N extends DomainEventName = DomainEventName> {
  event: N;
  payload: DomainEventPayloads[N];
  traceparent: string;
  publishedBy: string;
  /** The trace's origin, so a generated shopper's jobs are marked as its calls are. */
  origin?: TraceOrigin;
}

export type EventHandlers = { [N in DomainEventName]?: (payload: DomainEventPayloads[N]) => Promise<void> };

export interface Publisher {
  /** Adds the event to every subscriber's inbox. `key` makes it idempotent: the same key is queued once. */
  publish<N extends DomainEventName>(event: N, payload: DomainEventPayloads[N], key: string): Promise<void>;
  close(): Promise<void>;
}

/** Kills are the point of the sandbox: a job whose worker died is taken back within seconds, not half a minute. */
export const WORKER_TIMINGS = { lockDuration: 4_000, stalledInterval: 2_000, maxStalledCount: 10 };
/** A publish the broker has not confirmed by then is reported failed (the caller keeps it in its outbox). */
export const PUBLISH_TIMEOUT_MS = 500;
/** Finished jobs are kept for a while (they make `add` idempotent) but not forever. */
const KEEP_FINISHED = { removeOnComplete: { count: 2_000 }, removeOnFail: { count: 2_000 } };

let loading: Promise<typeof import("./bullmq-parts")> | undefined;
const bullmq = () => (loading ??= import("./bullmq-parts"));

export function createPublisher(serviceId: string, stack: StackId, connection: ConnectionOptions, prefix: string): Publisher {
  const shelf = new QueueShelf(async () => {
    const { Queue } = await bullmq();
    // A producer on the request path fails fast while the broker is down instead of waiting for it.
    return (name: string) => {
      // Named, so the broker's CLIENT LIST says whose each connection is.
      const queue = new Queue(name, { connection: { ...connection, ...FAIL_FAST, connectionName: `${serviceId}:publish:${name}` }, prefix });
      queue.on("error", () => {});
      return queue;
    };
  });
  return {
    async publish(event, payload, key) {
      const span = childSpan();
      const data: EventJobData = { event, payload, traceparent: formatTraceparent(span.traceId, span.spanId), publishedBy: serviceId, ...originField(span) };
      for (const subscriber of DOMAIN_EVENTS[event].subscribers) {
        const queueName = inboxQueueName(subscriber);
        const jobId = jobIdFor(event, key);
        // Stamped when the job is handed to the broker: a consumer may take it before the broker's answer is back here,
        // and a time taken after that answer made a trace's wait in the queue come out negative.
        const queue = await shelf.get(queueName);
        const handedOver = Date.now();
        const added = queue.add(event, data, { jobId, ...JOB_RETRIES, ...KEEP_FINISHED });
        added.catch(() => {});
        await Promise.race([
          added,
          new Promise((_, reject) => setTimeout(() => reject(new Error("the broker did not answer in time")), PUBLISH_TIMEOUT_MS).unref()),
        ]);
        emit({ type: "queue", ts: handedOver, stack, queue: queueName, job: event, jobId, state: "added", attempt: 0, service: serviceId, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId, ...originField(span) });
      }
    },
    async close() {
      await shelf.close();
    },
  };
}

export async function createConsumer(serviceId: ShopServiceId, stack: StackId, connection: ConnectionOptions, prefix: string, handlers: EventHandlers): Promise<Worker> {
  const { Worker } = await bullmq();
  const queueName = inboxQueueName(serviceId);
  // Set by the supervisor for every instance it starts.
  const instanceId = process.env.INSTANCE_ID;
  const worker = new Worker(
    queueName,
    async (job: Job<EventJobData>) => {
      const span = spanFrom(job.data.traceparent, job.data.origin);
      const attempt = job.attemptsMade + 1;
      const report = (state: "active" | "completed" | "failed" | "retry", extra: { durationMs?: number; error?: string } = {}) =>
        emit({ type: "queue", ts: Date.now(), stack, queue: queueName, job: job.data.event, jobId: job.id ?? "", state, attempt, service: serviceId, instanceId, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId, ...originField(span), ...extra });
      const started = performance.now();
      report("active");
      try {
        const handler = handlers[job.data.event] as ((payload: unknown) => Promise<void>) | undefined;
        if (!handler) throw new Error(`${serviceId} has no handler for ${job.data.event}`);
        await beforeConsuming(serviceId);
        await runInTrace(span, () => handler(job.data.payload));
        report("completed", { durationMs: performance.now() - started });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const willRetry = attempt < (job.opts.attempts ?? 1);
        report(willRetry ? "retry" : "failed", { durationMs: performance.now() - started, error: message });
        runInTrace(span, () => log.warn(`${job.data.event} job ${job.id} failed on attempt ${attempt}: ${message}`));
        throw error;
      }
    },
    { connection: { ...connection, maxRetriesPerRequest: null, connectionName: `${serviceId}:consume:${queueName}` }, prefix, concurrency: 4, ...WORKER_TIMINGS },
  );
  worker.on("error", (error) => log.warn(`queue ${queueName}: ${error.message}`));
  worker.on("stalled", (jobId) => {
    emit({ type: "queue", ts: Date.now(), stack, queue: queueName, job: "", jobId, state: "stalled", attempt: 0, service: serviceId, traceId: currentTrace()?.traceId ?? "" });
  });
  return worker;
}

