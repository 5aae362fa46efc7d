// Watches the broker for the sandbox: the job counts of every queue asked of BullMQ once a second, and whether a
// broker given through REDIS_URL answers; says when either changed, so the state is sent only then.
import type { ServiceView } from "../../contract/control";
import type { TelemetryEvent } from "../../contract/events";
import { brokerConnection, type BrokerAddress } from "../../contract/broker";
import { BROKER_ID, BULL_PREFIX, queueTopology } from "../../contract/services";
import { pingRedis, pingTargetFromUrl } from "../processes/broker";
import { QueueStats } from "./queue-stats";

/** Queue counts are asked of BullMQ this often. */
export const QUEUE_REFRESH_MS = 1_000;
/** ...and again as soon as a job is handed to a queue, at most this often (the counts are a few Redis calls). */
const QUEUE_NUDGE_MS = 100;

export class QueueWatch {
  private readonly stats: QueueStats;
  private readonly timer: NodeJS.Timeout;
  private externalUp = false;
  private lastCounts = "";
  private lastRefresh = 0;
  /** Counts are asked for once the sandbox has started: loading BullMQ sooner would hold the services' start back. */
  private polling = false;

  /**
   * `broker`: where the queues are; `externalUrl`: the broker given through REDIS_URL, when the sandbox does not run
   * its own; `watching()`: whether the queues' stack runs now; `changed()`: something a view would show changed.
   */
  constructor(
    broker: BrokerAddress,
    private readonly externalUrl: string | undefined,
    private readonly watching: () => boolean,
    private readonly changed: () => void,
  ) {
    this.stats = new QueueStats(queueTopology().map((queue) => queue.queue), brokerConnection(broker), BULL_PREFIX);
    this.timer = setInterval(() => void this.refresh(), QUEUE_REFRESH_MS);
    this.timer.unref();
  }

  /** A job handed to a queue shows in its count now, not at the next poll: a lesson's check and the graph wait on it. */
  heard(events: readonly TelemetryEvent[]): void {
    if (Date.now() - this.lastRefresh < QUEUE_NUDGE_MS) return;
    if (events.some((event) => event.type === "queue" && event.state === "added" && event.stack === "microservices")) void this.refresh();
  }

  /** Starts asking for counts (at once, then every QUEUE_REFRESH_MS); the sandbox calls it once its services started. */
  startPolling(): void {
    if (this.polling) return;
    this.polling = true;
    void this.refresh();
  }

  async refresh(): Promise<void> {
    if (!this.polling || !this.watching()) return;
    this.lastRefresh = Date.now();
    if (this.externalUrl) {
      const up = await pingRedis(pingTargetFromUrl(this.externalUrl));
      if (up !== this.externalUp) {
        this.externalUp = up;
        this.changed();
      }
    }
    const counts = JSON.stringify(await this.stats.refresh());
    if (counts !== this.lastCounts) {
      this.lastCounts = counts;
      this.changed();
    }
  }

  views() {
    return this.stats.views();
  }

  /** The broker given through REDIS_URL, drawn like the sandbox's own but not managed by it; null when there is none. */
  externalBrokerView(): ServiceView | null {
    if (!this.externalUrl) return null;
    const url = new URL(this.externalUrl);
    const status = this.externalUp ? "healthy" : "unhealthy";
    return { id: BROKER_ID, stack: "microservices", kind: "broker", status, pid: null, port: Number(url.port || 6379), address: `${url.protocol}//${url.host}`, version: 1, restarts: 0, startedAt: null, replicas: 1, instances: [], reason: "given through REDIS_URL", managed: false, restartPolicy: "never", lastDeploy: null };
  }

  /** Empties every queue (a reset of a broker the sandbox does not restart itself). */
  obliterate(): Promise<void> {
    return this.stats.obliterate();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.polling = false;
    await this.stats.close();
  }
}
