// The sandbox host: the broker, the shop's services, their telemetry and queue counts, wired into one object.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ConnectionOptions } from "bullmq";
import type { SandboxState, ServiceAction, ServiceView } from "../contract/control";
import { BULL_PREFIX, SHOP_SERVICE_IDS, queueTopology, type Architecture } from "../contract/services";
import { brokerConnection } from "../../sandbox-services/runtime/src/queues";
import { pingRedis, pingTargetFromUrl, socketPath } from "./broker";
import { redisDefinition, shopServiceDefinition, type StackPaths } from "./launch-specs";
import { QueueStats } from "./queue-stats";
import { Supervisor } from "./supervisor";
import { TelemetryHub } from "./telemetry-hub";

/** Queue counts are asked of BullMQ this often. */
export const QUEUE_REFRESH_MS = 1_000;
/** State changes reach listeners at most this often. */
const STATE_THROTTLE_MS = 100;

export interface SandboxOptions {
  rootDir: string;
  /** A private data folder is made when none is given. */
  dataDir?: string;
  /** Use this Redis instead of starting one. */
  redisUrl?: string;
}

export class Sandbox {
  readonly hub = new TelemetryHub();
  readonly supervisor: Supervisor;
  readonly architecture: Architecture = "microservices";
  private readonly queueStats: QueueStats;
  private readonly paths: StackPaths;
  private readonly ownsDataDir: boolean;
  private readonly stateListeners = new Set<(state: SandboxState) => void>();
  private stateTimer: NodeJS.Timeout | undefined;
  private readonly queueTimer: NodeJS.Timeout;
  private externalBrokerUp = false;
  private lastQueues = "";

  constructor(private readonly options: SandboxOptions) {
    this.ownsDataDir = !options.dataDir;
    this.paths = { rootDir: options.rootDir, dataDir: options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "architecture-sandbox-")) };
    const broker = options.redisUrl ? { url: options.redisUrl } : { path: socketPath(path.join(this.paths.dataDir, "redis")) };
    const tokenSecret = randomBytes(32).toString("hex");
    const definitions = [
      ...(options.redisUrl ? [] : [redisDefinition(this.paths)]),
      ...SHOP_SERVICE_IDS.map((id) => shopServiceDefinition(id, this.paths, broker, tokenSecret)),
    ];
    this.supervisor = new Supervisor("microservices", definitions, {
      lifecycle: (event) => this.hub.push(event),
      log: (event) => this.hub.push(event),
      telemetry: (events, dropped) => this.hub.pushMany(events, dropped),
      changed: () => this.stateChanged(),
    });
    const connection: ConnectionOptions = brokerConnection(broker);
    this.queueStats = new QueueStats(queueTopology().map((queue) => queue.queue), connection, BULL_PREFIX);
    this.queueTimer = setInterval(() => void this.refreshQueues(), QUEUE_REFRESH_MS);
    this.queueTimer.unref();
  }

  get dataDir(): string {
    return this.paths.dataDir;
  }

  async start(): Promise<void> {
    await this.supervisor.startAll();
  }

  act(id: string, action: ServiceAction): Promise<void> {
    return this.supervisor.act(id, action);
  }

  /** Everything back to v1 and running, with every service's data and every queue emptied. */
  async reset(): Promise<void> {
    await this.supervisor.stopAll("the sandbox is being reset");
    if (this.options.redisUrl) await this.queueStats.obliterate().catch(() => {});
    for (const entry of readdirSync(this.paths.dataDir)) rmSync(path.join(this.paths.dataDir, entry), { recursive: true, force: true });
    this.supervisor.resetVersions();
    await this.supervisor.startAll();
    await this.refreshQueues();
  }

  state(): SandboxState {
    const services: ServiceView[] = this.supervisor.views();
    if (this.options.redisUrl) services.unshift(this.externalBrokerView());
    const gateway = services.find((service) => service.id === "api-gateway");
    const healthy = services.filter((service) => service.status === "healthy").length;
    return {
      architecture: this.architecture,
      stacks: [
        {
          id: "microservices",
          storefrontUrl: gateway?.status === "healthy" ? gateway.address : null,
          status: healthy === services.length ? "running" : services.some((service) => service.status === "starting") ? "starting" : healthy === 0 ? "stopped" : "degraded",
        },
      ],
      services,
      queues: this.queueStats.views(),
      droppedEvents: this.hub.dropped,
    };
  }

  /** Calls `listener` with the state whenever it changes; returns the function that stops it. */
  onState(listener: (state: SandboxState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private stateChanged(): void {
    this.stateTimer ??= setTimeout(() => {
      this.stateTimer = undefined;
      const state = this.state();
      for (const listener of this.stateListeners) listener(state);
    }, STATE_THROTTLE_MS);
  }

  private async refreshQueues(): Promise<void> {
    if (this.options.redisUrl) {
      const up = await pingRedis(pingTargetFromUrl(this.options.redisUrl));
      if (up !== this.externalBrokerUp) {
        this.externalBrokerUp = up;
        this.stateChanged();
      }
    }
    const queues = JSON.stringify(await this.queueStats.refresh());
    if (queues !== this.lastQueues) {
      this.lastQueues = queues;
      this.stateChanged();
    }
  }

  private externalBrokerView(): ServiceView {
    const status = this.externalBrokerUp ? "healthy" : "unhealthy";
    const url = new URL(this.options.redisUrl!);
    return { id: "redis", stack: "microservices", kind: "broker", status, pid: null, port: Number(url.port || 6379), address: `${url.protocol}//${url.host}`, version: 1, restarts: 0, startedAt: null, replicas: 1, instances: [], reason: "given through REDIS_URL", managed: false };
  }

  /** Stops every process, gracefully first; the data folder goes too when the sandbox made it. */
  async shutdown(): Promise<void> {
    clearInterval(this.queueTimer);
    // Close our own broker connections before the broker goes, or they would retry into a closed socket.
    await this.queueStats.close();
    await this.supervisor.shutdown();
    if (this.ownsDataDir) rmSync(this.paths.dataDir, { recursive: true, force: true });
  }
}
