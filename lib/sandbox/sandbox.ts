// The sandbox host: the stacks that run (microservices, monolith or both), their telemetry, faults, resilience
// settings and queue counts, wired into one object that the control API and the socket server talk to.
import path from "node:path";
import type { RestartPolicy, SandboxState, ServiceView, StackView } from "../contract/control";
import type { StackId } from "../contract/events";
import type { Fault, FaultBody } from "../contract/faults";
import type { ParentMessage } from "../contract/ipc";
import { DEFAULT_RESILIENCE, type Resilience } from "../contract/resilience";
import { BULL_PREFIX, MONOLITH_ID, SHOP_SERVICE_IDS, queueTopology, type Architecture } from "../contract/services";
import { brokerConnection } from "../../sandbox-services/runtime/src/queues";
import { pingRedis, pingTargetFromUrl, socketPath } from "./broker";
import { emptyDataFolder, makeDataFolder, removeDataFolder } from "./data-folder";
import { FaultRegistry } from "./fault-registry";
import { IncidentTracker } from "./incident-tracker";
import { monolithDefinition, redisDefinition, shopServiceDefinition, type StackPaths } from "./launch-specs";
import { QueueStats } from "./queue-stats";
import { ShopperMeter } from "./shopper-meter";
import { StackKeys } from "./stack-keys";
import { ActionRefused, Supervisor, type ServiceDefinition } from "./supervisor";
import { TelemetryHub } from "./telemetry-hub";

/** Queue counts are asked of BullMQ this often. */
export const QUEUE_REFRESH_MS = 1_000;
/** ...and again as soon as a job is handed to a queue, at most this often (the counts are a few Redis calls). */
const QUEUE_NUDGE_MS = 100;
/** State changes reach listeners at most this often. */
const STATE_THROTTLE_MS = 100;
const STACK_IDS: StackId[] = ["microservices", "monolith"];
/** Faults that make a service slower rather than failing it: the reading says which features they slowed. */
export const SLOWING_FAULTS: ReadonlySet<Fault["type"]> = new Set(["latency", "cpu-hog", "slow-consumer"]);
/** Where a shopper enters each stack. */
export const ENTRY_SERVICE: Record<StackId, string> = { microservices: "api-gateway", monolith: MONOLITH_ID };

export interface SandboxOptions {
  rootDir: string;
  /** A private data folder is made when none is given. */
  dataDir?: string;
  /** Use this Redis instead of starting one. */
  redisUrl?: string;
  /** What runs at start; microservices when not given. */
  architecture?: Architecture;
}

export const stacksOf = (architecture: Architecture): StackId[] => (architecture === "both" ? STACK_IDS : [architecture]);

export class Sandbox {
  readonly hub = new TelemetryHub();
  readonly stacks: Record<StackId, Supervisor>;
  readonly faults: FaultRegistry;
  /** What the last redeploy and the last failure of each stack cost its shoppers. */
  readonly incidents = new IncidentTracker();
  /** What shoppers got from each stack, measured at their side: the figures said to be "what shoppers see". */
  readonly shoppers = new ShopperMeter();
  readonly paths: StackPaths;
  architecture: Architecture;
  private resilience: Resilience = DEFAULT_RESILIENCE;
  private transition: string | null = null;
  private readonly queueStats: QueueStats;
  /** Per stack, per reset: the token key and the key on calls between services. */
  private readonly keys = new StackKeys();
  private readonly ownsDataDir: boolean;
  private readonly stateListeners = new Set<(state: SandboxState) => void>();
  private stateTimer: NodeJS.Timeout | undefined;
  private lastStateAt = 0;
  private lastQueueRefresh = 0;
  private readonly queueTimer: NodeJS.Timeout;
  private externalBrokerUp = false;
  private lastQueues = "";
  /** Architecture switches and resets run one at a time. */
  private switching: Promise<void> = Promise.resolve();

  constructor(private readonly options: SandboxOptions) {
    this.ownsDataDir = !options.dataDir;
    this.paths = { rootDir: options.rootDir, dataDir: options.dataDir ?? makeDataFolder() };
    this.architecture = options.architecture ?? "microservices";
    this.faults = new FaultRegistry((faults) => this.broadcast({ type: "faults", faults }));
    const broker = options.redisUrl ? { url: options.redisUrl } : { path: socketPath(path.join(this.paths.dataDir, "redis")) };
    const supervisorFor = (stack: StackId, definitions: ServiceDefinition[]) =>
      new Supervisor(stack, definitions, {
        lifecycle: (event) => this.hub.push(event),
        log: (event) => this.hub.push(event),
        telemetry: (events, dropped) => this.hub.pushMany(events, dropped),
        changed: () => this.stateChanged(),
        greetings: () => [
          { type: "faults", faults: this.faults.list() },
          { type: "resilience", resilience: this.resilience },
        ],
        launchEnv: (serviceId): Record<string, string> => ({
          ...(serviceId === "redis" ? {} : this.keys.env(stack)),
          ...(this.faults.crashesOnStart(stack, serviceId) ? { CRASH_ON_START: "1" } : {}),
        }),
      });
    this.stacks = {
      microservices: supervisorFor("microservices", [
        ...(options.redisUrl ? [] : [redisDefinition(this.paths)]),
        ...SHOP_SERVICE_IDS.map((id) => shopServiceDefinition(id, this.paths, broker)),
      ]),
      monolith: supervisorFor("monolith", [monolithDefinition(this.paths)]),
    };
    this.queueStats = new QueueStats(queueTopology().map((queue) => queue.queue), brokerConnection(broker), BULL_PREFIX);
    this.queueTimer = setInterval(() => void this.refreshQueues(), QUEUE_REFRESH_MS);
    this.queueTimer.unref();
    this.hub.subscribe((batch) => {
      // A job handed to a queue shows in its count now, not at the next poll: a lesson's check and the graph wait on it.
      if (Date.now() - this.lastQueueRefresh >= QUEUE_NUDGE_MS && batch.some((event) => event.type === "queue" && event.state === "added" && event.stack === "microservices")) void this.refreshQueues();
      for (const event of batch) {
        if (event.type === "lifecycle" && event.to === "crashed") this.incidents.failed(event.stack, event.service, `${event.service} crashed (${event.reason})`, event.ts);
      }
    });
  }

  get dataDir(): string {
    return this.paths.dataDir;
  }

  /** The stacks the current architecture runs. */
  running(): StackId[] {
    return stacksOf(this.architecture);
  }

  async start(): Promise<void> {
    await Promise.all(this.running().map((stack) => this.stacks[stack].startAll()));
  }

  /** The supervisor that runs `id` now; 404 for an unknown id, 409 for a service of a stack that is not running. */
  supervisorOf(id: string): Supervisor {
    const stack = STACK_IDS.find((candidate) => this.stacks[candidate].has(id));
    if (!stack) {
      if (id === "redis" && this.options.redisUrl) throw new ActionRefused(409, "redis was given through REDIS_URL: the sandbox does not manage it");
      throw new ActionRefused(404, `there is no service called ${id}`);
    }
    if (!this.running().includes(stack)) throw new ActionRefused(409, `${id} belongs to the ${stack} stack, which is not running: switch the architecture to ${stack} or both`);
    return this.stacks[stack];
  }

  async kill(id: string): Promise<void> {
    const supervisor = this.supervisorOf(id);
    await supervisor.kill(id);
    this.incidents.failed(supervisor.stack, id, `${id} was killed`);
  }

  async stop(id: string): Promise<void> {
    const supervisor = this.supervisorOf(id);
    await supervisor.stop(id);
    this.incidents.failed(supervisor.stack, id, `${id} was stopped`);
  }

  startService = (id: string) => this.supervisorOf(id).start(id);

  async redeploy(id: string, strategy: "recreate" | "rolling"): Promise<void> {
    const supervisor = this.supervisorOf(id);
    this.incidents.redeployStarted(supervisor.stack, id, strategy);
    try {
      await supervisor.redeploy(id, strategy);
    } finally {
      this.incidents.redeployEnded(supervisor.stack);
    }
  }

  setRestartPolicy = (id: string, policy: RestartPolicy) => this.supervisorOf(id).setRestartPolicy(id, policy);

  scale(id: string, replicas: number): Promise<void> {
    const supervisor = this.supervisorOf(id);
    if (id === "redis") throw new ActionRefused(409, "the broker runs as one instance: it cannot be scaled");
    return supervisor.scale(id, replicas);
  }

  /**
   * One shopper's request into `stack` as the shopper saw it (the traffic generator or the storefront proxy):
   * status 0 when no answer came, `durationMs` null when it could not even be sent.
   */
  shopperAnswered(stack: StackId, method: string, path: string, status: number, durationMs: number | null, at = Date.now()): void {
    this.shoppers.answered(stack, method, path, status, durationMs, at);
    this.incidents.shopperRequest(stack, method, path, status, at);
  }

  /** Addresses of every healthy instance where shoppers enter a stack (the gateway, or the monolith). */
  entryPoints(stack: StackId): string[] {
    return this.running().includes(stack) ? this.stacks[stack].addresses(ENTRY_SERVICE[stack]) : [];
  }

  /** Starts every service of the running stacks that is stopped or crashed (after a scenario, say). */
  async restoreServices(): Promise<void> {
    for (const stack of this.running()) {
      const supervisor = this.stacks[stack];
      const down = supervisor.views().filter((service) => service.managed && (service.status === "stopped" || service.status === "crashed"));
      // The broker first, so the services it serves can reach it.
      for (const service of down.filter((candidate) => candidate.kind === "broker")) await supervisor.start(service.id).catch(() => {});
      await Promise.all(down.filter((candidate) => candidate.kind !== "broker").map((service) => supervisor.start(service.id).catch(() => {})));
    }
  }

  /** Stops what the new architecture does not run and starts what it does, one switch at a time. */
  setArchitecture(architecture: Architecture): Promise<void> {
    return this.exclusively(`switching to ${architecture}`, async () => {
      const wanted = stacksOf(architecture);
      const unwanted = STACK_IDS.filter((stack) => !wanted.includes(stack));
      this.architecture = architecture;
      this.incidents.newExperiment();
      await Promise.all(unwanted.map((stack) => this.stacks[stack].shutdown(`the architecture is now ${architecture}`)));
      await Promise.all(wanted.map((stack) => this.stacks[stack].startAll()));
    });
  }

  addFault(body: FaultBody): Fault {
    const fault = this.faults.add(body);
    const what = `a ${fault.type} fault on ${fault.service}${fault.peer ? ` and ${fault.peer}` : ""}`;
    for (const stack of this.running()) {
      if (fault.stack && fault.stack !== stack) continue;
      this.incidents.failed(stack, fault.service, what);
      // The shoppers' figures just before a slowing fault are what "it slowed" is measured against.
      if (SLOWING_FAULTS.has(fault.type)) this.shoppers.markBaseline(stack, what, Date.now());
    }
    return fault;
  }

  setResilience(next: Resilience): void {
    this.resilience = next;
    this.broadcast({ type: "resilience", resilience: next });
    this.stateChanged();
  }

  /** Everything back to v1 and running, with every service's data and every queue emptied, faults off. */
  reset(): Promise<void> {
    return this.exclusively("resetting", async () => {
      this.faults.clear();
      this.incidents.clear();
      this.shoppers.clearBaselines();
      this.setResilience(DEFAULT_RESILIENCE);
      await Promise.all(STACK_IDS.map((stack) => this.stacks[stack].shutdown("the sandbox is being reset")));
      if (this.options.redisUrl) await this.queueStats.obliterate().catch(() => {});
      emptyDataFolder(this.paths.dataDir);
      this.keys.renew(); // every session ends with the data it belonged to
      for (const stack of STACK_IDS) this.stacks[stack].resetServices();
      await this.start();
      await this.refreshQueues();
    });
  }

  private exclusively(what: string, work: () => Promise<void>): Promise<void> {
    if (this.transition) return Promise.reject(new ActionRefused(409, `the sandbox is busy ${this.transition}`));
    this.transition = what;
    this.stateChanged();
    const run = this.switching.then(work).finally(() => {
      this.transition = null;
      this.stateChanged();
    });
    this.switching = run.catch(() => {});
    return run;
  }

  private broadcast(message: ParentMessage): void {
    for (const stack of STACK_IDS) this.stacks[stack].broadcast(message);
    this.stateChanged();
  }

  state(): SandboxState {
    const services: ServiceView[] = this.running().flatMap((stack) => this.stacks[stack].views());
    if (this.options.redisUrl && this.running().includes("microservices")) services.unshift(this.externalBrokerView());
    return {
      architecture: this.architecture,
      stacks: this.running().map((stack) => this.stackView(stack, services.filter((service) => service.stack === stack))),
      services,
      queues: this.running().includes("microservices") ? this.queueStats.views() : [],
      droppedEvents: this.hub.dropped,
      faults: this.faults.list(),
      resilience: this.resilience,
      transition: this.transition,
    };
  }

  private stackView(stack: StackId, services: ServiceView[]): StackView {
    const healthy = services.filter((service) => service.status === "healthy").length;
    const status = healthy === services.length ? "running" : services.some((service) => service.status === "starting") ? "starting" : healthy === 0 ? "stopped" : "degraded";
    return { id: stack, storefrontUrl: this.entryPoints(stack)[0] ?? null, status };
  }

  /** Calls `listener` with the state whenever it changes; returns the function that stops it. */
  onState(listener: (state: SandboxState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** At most one broadcast per STATE_THROTTLE_MS, but a change after a quiet spell goes out at once (next turn). */
  private stateChanged(): void {
    this.stateTimer ??= setTimeout(() => {
      this.stateTimer = undefined;
      this.lastStateAt = Date.now();
      const state = this.state();
      for (const listener of this.stateListeners) listener(state);
    }, Math.max(0, this.lastStateAt + STATE_THROTTLE_MS - Date.now()));
  }

  private async refreshQueues(): Promise<void> {
    if (!this.running().includes("microservices")) return;
    this.lastQueueRefresh = Date.now();
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
    return { id: "redis", stack: "microservices", kind: "broker", status, pid: null, port: Number(url.port || 6379), address: `${url.protocol}//${url.host}`, version: 1, restarts: 0, startedAt: null, replicas: 1, instances: [], reason: "given through REDIS_URL", managed: false, restartPolicy: "never", lastDeploy: null };
  }

  /** Stops every process, gracefully first; the data folder goes too when the sandbox made it. */
  async shutdown(): Promise<void> {
    clearInterval(this.queueTimer);
    // Close our own broker connections before the broker goes, or they would retry into a closed socket.
    await this.queueStats.close();
    await Promise.all(STACK_IDS.map((stack) => this.stacks[stack].dispose()));
    if (this.ownsDataDir) removeDataFolder(this.paths.dataDir);
  }

  /** For a crash: no time for goodbyes, but the data folder this run made should not be left behind. */
  removeOwnDataNow(): void {
    if (this.ownsDataDir) removeDataFolder(this.paths.dataDir);
  }
}
