// The metrics behind /api/metrics: per service, requests/s, latency p50/p95 and error rate from the processes' own
// telemetry over a sliding window; per stack, what shoppers got (measured at their side, by the shopper meter) beside
// the entry process's own view; CPU and resident memory of their processes from /proc; per queue its depth and rates. Everything kept is bounded: per-second counts, a capped ring of durations per series, a capped number
// of series.
import type { Metrics, ServiceMetrics, ServiceView, StackMetrics } from "../../contract/control";
import type { HttpEvent, NumberedEvent, QueueEvent, StackId } from "../../contract/events";
import { MONOLITH_ID, queueTopology } from "../../contract/services";
import { ProcessSampler, type ProcessSample } from "../processes/process-sampler";
import { ENTRY_SERVICE, type Sandbox } from "../sandbox";
import { SlidingWindow, type WindowStats } from "./sliding-window";
import { QueueFlow } from "../telemetry/queue-flow";

export const METRICS_WINDOW_MS = 10_000;
/** Durations kept per series: 1,000 requests/s (the gateway's measured peak) for the whole window; 160 KB each. */
const MAX_SAMPLES = 10_000;
/**
 * Series kept at most. Names come from our own services' telemetry (two stacks × eight services and modules, the
 * stacks, their queues: ~40); the cap guards against a bug that would make names up, not against normal use.
 */
const MAX_SERIES = 128;

const stackKey = (stack: StackId) => `stack:${stack}`;
const serviceKey = (stack: StackId, id: string) => `service:${stack}:${id}`;
const queueKey = (stack: StackId, name: string) => `${stack}:${name}`;
const failedStatus = (status: number) => status === 0 || status >= 500;

export class MetricsCollector {
  private readonly series = new Map<string, SlidingWindow>();
  /** Modules of the monolith seen receiving in-process calls: reported as entries without processes of their own. */
  private readonly modules = new Set<string>();
  private readonly queues = new Map<string, QueueFlow>();
  private readonly sampler: ProcessSampler;
  private readonly unsubscribe: () => void;

  constructor(private readonly sandbox: Sandbox) {
    this.sampler = new ProcessSampler(() => this.livePids(sandbox.state().services));
    this.unsubscribe = sandbox.hub.subscribe((batch) => this.take(batch));
  }

  dispose(): void {
    this.unsubscribe();
    this.sampler.dispose();
  }

  private livePids(services: ServiceView[]): number[] {
    return services.flatMap((service) => service.instances.flatMap((instance) => (instance.pid === null ? [] : [instance.pid])));
  }

  private take(batch: NumberedEvent[]): void {
    for (const event of batch) {
      if (event.type === "http") this.takeCall(event);
      else if (event.type === "queue") this.takeQueueEvent(event);
      else if (event.type === "lifecycle" && event.stack === "monolith" && event.service === MONOLITH_ID && event.to === "starting") {
        // A monolith (re)starting has an empty in-process bus: whatever its events said was waiting is gone.
        for (const [key, flow] of this.queues) if (key.startsWith("monolith:")) flow.forgetWaiting();
      }
    }
  }

  private windowFor(key: string): SlidingWindow | undefined {
    let window = this.series.get(key);
    if (!window && this.series.size < MAX_SERIES) this.series.set(key, (window = new SlidingWindow({ windowMs: METRICS_WINDOW_MS, maxSamples: MAX_SAMPLES })));
    return window;
  }

  private takeCall(event: HttpEvent): void {
    const failed = failedStatus(event.status);
    this.windowFor(serviceKey(event.stack, event.to))?.record(event.ts, event.durationMs, failed);
    if (event.via === "in-process" && this.modules.size < MAX_SERIES) this.modules.add(event.to);
    // The entry process's own timing of the calls from outside: kept as "the processes' view", not the shoppers'.
    if (event.from === "client" && event.to === ENTRY_SERVICE[event.stack]) this.windowFor(stackKey(event.stack))?.record(event.ts, event.durationMs, failed);
  }

  private takeQueueEvent(event: QueueEvent): void {
    const key = queueKey(event.stack, event.queue);
    let flow = this.queues.get(key);
    if (!flow && this.queues.size < MAX_SERIES) this.queues.set(key, (flow = new QueueFlow(METRICS_WINDOW_MS)));
    flow?.record(event.state, event.ts);
  }

  private traffic(key: string, now: number): Pick<ServiceMetrics, "rps" | "p50Ms" | "p95Ms" | "errorRate"> {
    const stats: WindowStats | undefined = this.series.get(key)?.stats(now);
    if (!stats) return { rps: 0, p50Ms: null, p95Ms: null, errorRate: 0 };
    return { rps: Math.round(stats.perSecond * 100) / 100, p50Ms: stats.p50Ms, p95Ms: stats.p95Ms, errorRate: Math.round(stats.errorRate * 10_000) / 10_000 };
  }

  private processes(services: ServiceView[]): Pick<ServiceMetrics, "cpuPercent" | "rssBytes" | "processes"> {
    const samples = this.livePids(services).map((pid) => this.sampler.get(pid)).filter((sample): sample is ProcessSample => sample !== undefined);
    const cpuPercent = samples.reduce((sum, sample) => sum + sample.cpuPercent, 0);
    return { cpuPercent: Math.round(cpuPercent * 10) / 10, rssBytes: samples.reduce((sum, sample) => sum + sample.rssBytes, 0), processes: samples.length };
  }

  metrics(): Metrics {
    const now = Date.now();
    const state = this.sandbox.state();
    const running = this.sandbox.running();
    const alive = (service: ServiceView) => service.instances.some((instance) => instance.status === "healthy" || instance.status === "unhealthy");
    const services: ServiceMetrics[] = state.services.map((service) => ({ id: service.id, stack: service.stack, up: alive(service), ...this.traffic(serviceKey(service.stack, service.id), now), ...this.processes([service]) }));
    if (running.includes("monolith")) {
      const monolithUp = state.services.some((service) => service.id === MONOLITH_ID && alive(service));
      for (const module of [...this.modules].sort()) {
        services.push({ id: module, stack: "monolith", up: monolithUp, ...this.traffic(serviceKey("monolith", module), now), cpuPercent: 0, rssBytes: 0, processes: 0 });
      }
    }
    const stacks = running.map((stack): StackMetrics => {
      const shoppers = this.sandbox.shoppers.figures(stack, now);
      const { answeredRps: rps, p50Ms, p95Ms, errorRate } = shoppers;
      const up = this.sandbox.entryPoints(stack).length > 0;
      // A dead entry process times nothing: what it timed before it died is not a figure of the stack now.
      const processView = up ? this.traffic(stackKey(stack), now) : { rps: 0, p50Ms: null, p95Ms: null, errorRate: 0 };
      return { stack, up, rps, p50Ms, p95Ms, errorRate, shoppers, processView, ...this.processes(state.services.filter((service) => service.stack === stack)) };
    });
    const queues: Metrics["queues"] = [];
    for (const queue of state.queues) {
      const flow = this.queues.get(queueKey("microservices", queue.name));
      queues.push({ name: queue.name, stack: "microservices", depth: queue.waiting + queue.delayed + queue.active, ...(flow?.rates(now) ?? { addedPerS: 0, completedPerS: 0 }) });
    }
    if (running.includes("monolith")) {
      for (const { queue: name } of queueTopology()) {
        const flow = this.queues.get(queueKey("monolith", name));
        queues.push({ name, stack: "monolith", depth: flow?.depth ?? 0, ...(flow?.rates(now) ?? { addedPerS: 0, completedPerS: 0 }) });
      }
    }
    return { windowS: METRICS_WINDOW_MS / 1_000, services, stacks, queues };
  }
}
