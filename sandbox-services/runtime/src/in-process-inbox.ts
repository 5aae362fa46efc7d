// One subscribing module's inbox on the monolith's in-process bus: events waiting in memory, handled a few at a time,
// each key once, a failure retried after growing pauses. Nothing here outlives the process: a crash loses what waits.
import type { StackId } from "../../../lib/contract/events";
import { inboxQueueName, type DomainEventName, type ShopServiceId } from "../../../lib/contract/service-names";
import { beforeConsuming } from "./faults";
import { log } from "./log";
import type { EventHandlers } from "./queues";
import { emit } from "./telemetry";
import { formatTraceparent, originField, runInTrace, spanFrom, type TraceContext } from "./trace";

/** One delivery of a domain event to this inbox. */
export interface InboxEvent {
  event: DomainEventName;
  payload: unknown;
  /** Made from the event and the publisher's key: the same id is taken once. */
  jobId: string;
  publishedBy: string;
  /** The span of the publish, so the handler runs in the same trace. */
  publishSpan: TraceContext;
}

export interface InboxLimits {
  /** Tries per event, the first included. */
  attempts: number;
  /** Pause before the first retry; it doubles before each next one. */
  backoffMs: number;
  /** Events of this inbox handled at once. */
  concurrency: number;
  /** Events waiting in memory; past this a publish is refused, as a full broker refuses an add. */
  maxWaiting: number;
  /** Job ids remembered to take a repeated publish once; the oldest are forgotten past this. */
  rememberedKeys: number;
}

type JobState = "added" | "active" | "completed" | "failed" | "retry";

interface Job extends InboxEvent {
  attemptsMade: number;
}

export class Inbox {
  readonly name: string;
  private handlers: EventHandlers | undefined;
  private readonly waiting: Job[] = [];
  private active = 0;
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly seen = new Set<string>();
  private waiters: Array<{ done: () => boolean; resolve: () => void }> = [];
  /** No new event starts (the process is stopping). */
  private stopped = false;
  /** No new event is taken either. */
  private closed = false;

  constructor(
    readonly module: ShopServiceId,
    private readonly stack: StackId,
    private readonly limits: InboxLimits,
  ) {
    this.name = inboxQueueName(module);
  }

  /** Events waiting, running, or waiting for a retry. */
  get pending(): number {
    return this.waiting.length + this.active + this.retries.size;
  }

  subscribe(handlers: EventHandlers): void {
    this.handlers = handlers;
    setImmediate(() => this.pump());
  }

  /** Takes the event, or ignores it when its job id was already taken; throws when the inbox is full or closed. */
  add(event: InboxEvent): void {
    if (this.closed) throw new Error(`${this.name} is closed: the process is stopping`);
    if (this.seen.has(event.jobId)) return;
    if (this.waiting.length >= this.limits.maxWaiting) throw new Error(`${this.name} is full: ${this.waiting.length} events wait in memory`);
    this.remember(event.jobId);
    const job: Job = { ...event, attemptsMade: 0 };
    this.waiting.push(job);
    this.report(job, "added", event.publishedBy, event.publishSpan);
    // Handled after the publisher's own work, as a queue's consumer would, never inside the publish call.
    setImmediate(() => this.pump());
  }

  /** Resolves once nothing waits, runs or waits for a retry. */
  idle(): Promise<void> {
    return this.until(() => this.pending === 0);
  }

  /** Starts no more events; resolves once the running ones are done. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.until(() => this.active === 0);
  }

  /** Drops every event not yet handled and refuses new ones; returns how many were dropped. */
  discard(): number {
    this.closed = true;
    const dropped = this.waiting.length + this.retries.size;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    this.waiting.length = 0;
    this.changed();
    return dropped;
  }

  private remember(jobId: string): void {
    this.seen.add(jobId);
    if (this.seen.size > this.limits.rememberedKeys) this.seen.delete(this.seen.values().next().value!);
  }

  private pump(): void {
    while (!this.stopped && this.handlers && this.active < this.limits.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.active++;
      void this.run(job).finally(() => {
        this.active--;
        this.pump();
        this.changed();
      });
    }
  }

  private async run(job: Job): Promise<void> {
    const span = spanFrom(formatTraceparent(job.publishSpan.traceId, job.publishSpan.spanId), job.publishSpan.origin);
    job.attemptsMade++;
    const started = performance.now();
    this.report(job, "active", this.module, span);
    try {
      const handler = this.handlers?.[job.event] as ((payload: unknown) => Promise<void>) | undefined;
      if (!handler) throw new Error(`${this.module} has no handler for ${job.event}`);
      await beforeConsuming(this.module);
      await runInTrace(span, () => handler(job.payload));
      this.report(job, "completed", this.module, span, { durationMs: performance.now() - started });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const willRetry = job.attemptsMade < this.limits.attempts;
      this.report(job, willRetry ? "retry" : "failed", this.module, span, { durationMs: performance.now() - started, error: message });
      runInTrace(span, () => log.warn(`${job.event} event ${job.jobId} failed in ${this.module} on attempt ${job.attemptsMade}: ${message}`));
      if (willRetry) this.retryLater(job);
    }
  }

  private retryLater(job: Job): void {
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      this.waiting.push(job);
      this.pump();
    }, this.limits.backoffMs * 2 ** (job.attemptsMade - 1));
    this.retries.add(timer);
  }

  private report(job: Job, state: JobState, service: string, span: TraceContext, extra: { durationMs?: number; error?: string } = {}): void {
    emit({ type: "queue", ts: Date.now(), stack: this.stack, queue: this.name, job: job.event, jobId: job.jobId, state, attempt: state === "added" ? 0 : job.attemptsMade, service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId, ...originField(span), ...extra });
  }

  private until(done: () => boolean): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ done, resolve }));
  }

  private changed(): void {
    this.waiters = this.waiters.filter((waiter) => (waiter.done() ? (waiter.resolve(), false) : true));
  }
}
