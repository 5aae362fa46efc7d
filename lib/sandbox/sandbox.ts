// The sandbox host: the stacks that run (microservices, monolith or both), their telemetry, faults, resilience
// settings and queue counts, wired into one object that the control API and the socket server talk to.
import path from "node:path";
import type { RestartPolicy, SandboxState, ServiceView, StackView } from "../contract/control";
import type { StackId } from "../contract/events";
import { SLOWING_FAULTS, type Fault } from "../contract/faults";
import type { ParentMessage } from "../contract/ipc";
import { DEFAULT_RESILIENCE, type Resilience } from "../contract/resilience";
import { BROKER_ID, MONOLITH_ID, SHOP_SERVICE_IDS, type Architecture } from "../contract/services";
import { BROKER_REFUSALS, stackStatusOf } from "../contract/lifecycle";
import { socketPath } from "./processes/broker";
import { emptyDataFolder, makeDataFolder, removeDataFolder } from "./processes/data-folder";
import { FaultRegistry } from "./faults/fault-registry";
import { IncidentTracker } from "./metrics/incident-tracker";
import { monolithDefinition, redisDefinition, shopServiceDefinition, type StackPaths } from "./processes/launch-specs";
import { QueueWatch } from "./telemetry/queue-watch";
import { ShopperMeter } from "./metrics/shopper-meter";
import { StackKeys } from "./processes/stack-keys";
import type { ProcessDriver } from "./processes/process-driver";
import { Supervisor, type ServiceDefinition } from "./processes/supervisor";
import { ActionRefused } from "./refused";
import type { EventSink } from "./telemetry/event-sink";
import { TelemetryHub } from "./telemetry/telemetry-hub";
import { keepShoppersPrivate } from "./telemetry/shopper-privacy";
import { shopperPass } from "../contract/shopper-pass";

/** State changes reach listeners at most this often. */
const STATE_THROTTLE_MS = 100;
const STACK_IDS: StackId[] = ["microservices", "monolith"];
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
  /** How processes are run: real child processes unless a test hands in another driver. */
  driver?: ProcessDriver;
}

export const stacksOf = (architecture: Architecture): StackId[] => (architecture === "both" ? STACK_IDS : [architecture]);

/** One shopper's request as the shopper saw it: status 0 when no answer came, durationMs null when never sent. */
export interface ShopperAnswer {
  stack: StackId;
  method: string;
  path: string;
  status: number;
  durationMs: number | null;
  at: number;
}

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
  private readonly queues: QueueWatch;
  /** Per stack, per reset: the token key and the key on calls between services. */
  private readonly keys = new StackKeys();
  private readonly ownsDataDir: boolean;
  private readonly stateListeners = new Set<(state: SandboxState) => void>();
  private readonly shopperListeners = new Set<(sample: ShopperAnswer) => void>();
  private stateTimer: NodeJS.Timeout | undefined;
  private lastStateAt = 0;
  /** Architecture switches and resets run one at a time. */
  private switching: Promise<void> = Promise.resolve();

  constructor(private readonly options: SandboxOptions) {
    this.ownsDataDir = !options.dataDir;
    this.paths = { rootDir: options.rootDir, dataDir: options.dataDir ?? makeDataFolder() };
    this.architecture = options.architecture ?? "microservices";
    // Every fault change goes through the registry: it tells every process, and each new fault is an incident.
    this.faults = new FaultRegistry(
      (faults) => this.broadcast({ type: "faults", faults }),
      (fault) => this.faultAdded(fault),
    );
    const broker = options.redisUrl ? { url: options.redisUrl } : { path: socketPath(path.join(this.paths.dataDir, "redis")) };
    // Every event goes to the hub, once cleaned of what is private to a shopper; a crash is also what a failure incident is measured from.
    const sink: EventSink = {
      emit: (events, dropped) => {
        for (const event of events) keepShoppersPrivate(event);
        this.hub.emit(events, dropped);
        this.queues.heard(events);
        for (const event of events) {
          if (event.type === "lifecycle" && event.to === "crashed") this.incidents.failed(event.stack, event.service, `${event.service} crashed (${event.reason})`, event.ts);
        }
      },
    };
    const supervisorFor = (stack: StackId, definitions: ServiceDefinition[]) =>
      new Supervisor(stack, definitions, {
        sink,
        changed: () => this.stateChanged(),
        greetings: () => [
          { type: "faults", faults: this.faults.inForce() },
          { type: "resilience", resilience: this.resilience },
        ],
        launchEnv: (serviceId): Record<string, string> => ({
          ...(serviceId === BROKER_ID ? {} : this.keys.env(stack)),
          ...(this.faults.crashesOnStart(stack, serviceId) ? { CRASH_ON_START: "1" } : {}),
        }),
      }, options.driver);
    this.stacks = {
      microservices: supervisorFor("microservices", [
        ...(options.redisUrl ? [] : [redisDefinition(this.paths)]),
        ...SHOP_SERVICE_IDS.map((id) => shopServiceDefinition(id, this.paths, broker)),
      ]),
      monolith: supervisorFor("monolith", [monolithDefinition(this.paths)]),
    };
    this.queues = new QueueWatch(broker, options.redisUrl, () => this.running().includes("microservices"), () => this.stateChanged());
  }

  /** The pass that names `client` as the shopper of a storefront request to `stack`, signed with the stack's key. */
  shopperPass(stack: StackId, client: string): string {
    return shopperPass(this.keys.env(stack).SERVICE_SECRET, client);
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
    this.queues.startPolling();
  }

  /** The supervisor that runs `id` now; 404 for an unknown id, 409 for a service of a stack that is not running. */
  supervisorOf(id: string): Supervisor {
    const stack = STACK_IDS.find((candidate) => this.stacks[candidate].has(id));
    if (!stack) {
      if (id === BROKER_ID && this.options.redisUrl) throw new ActionRefused(409, "redis was given through REDIS_URL: the sandbox does not manage it");
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
    if (id === BROKER_ID) throw new ActionRefused(409, BROKER_REFUSALS.scale);
    return supervisor.scale(id, replicas);
  }

  /**
   * One shopper's request into `stack` as the shopper saw it (the traffic generator or the storefront proxy):
   * status 0 when no answer came, `durationMs` null when it could not even be sent.
   */
  shopperAnswered(stack: StackId, method: string, path: string, status: number, durationMs: number | null, at = Date.now()): void {
    this.shoppers.answered(stack, method, path, status, durationMs, at);
    this.incidents.shopperRequest(stack, method, path, status, at);
    for (const listener of this.shopperListeners) listener({ stack, method, path, status, durationMs, at });
  }

  /** Told of every shopper's request as `shopperAnswered` hears it: the lesson's checks measure from these. */
  onShopperAnswer(listener: (sample: ShopperAnswer) => void): () => void {
    this.shopperListeners.add(listener);
    return () => this.shopperListeners.delete(listener);
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

  /** A fault in force is a failure each stack it targets may pay for; a slowing one is measured against before. */
  private faultAdded(fault: Fault): void {
    const what = `${/^[aeiou]/.test(fault.type) ? "an" : "a"} ${fault.type} fault on ${fault.service}${fault.peer ? ` and ${fault.peer}` : ""}`;
    for (const stack of this.running()) {
      if (fault.stack && fault.stack !== stack) continue;
      this.incidents.failed(stack, fault.service, what);
      // The shoppers' figures just before a slowing fault are what "it slowed" is measured against.
      if (SLOWING_FAULTS.has(fault.type)) this.shoppers.markBaseline(stack, what, Date.now());
    }
  }

  setResilience(next: Resilience): void {
    this.resilience = next;
    // Readiness is asked by the supervisors' health rounds; the rest is how the shop's processes make their calls.
    for (const stack of STACK_IDS) this.stacks[stack].setReadinessChecks(next.readinessChecks);
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
      if (this.options.redisUrl) await this.queues.obliterate().catch(() => {});
      emptyDataFolder(this.paths.dataDir);
      this.keys.renew(); // every session ends with the data it belonged to
      for (const stack of STACK_IDS) this.stacks[stack].resetServices();
      await this.start();
      await this.queues.refresh();
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
    const externalBroker = this.queues.externalBrokerView();
    if (externalBroker && this.running().includes("microservices")) services.unshift(externalBroker);
    return {
      architecture: this.architecture,
      stacks: this.running().map((stack) => this.stackView(stack, services.filter((service) => service.stack === stack))),
      services,
      queues: this.running().includes("microservices") ? this.queues.views() : [],
      droppedEvents: this.hub.dropped,
      faults: this.faults.list(),
      resilience: this.resilience,
      transition: this.transition,
    };
  }

  private stackView(stack: StackId, services: ServiceView[]): StackView {
    return { id: stack, storefrontUrl: this.entryPoints(stack)[0] ?? null, status: stackStatusOf(services) };
  }

  /** Calls `listener` with the state whenever it changes; returns the function that stops it. */
  onState(listener: (state: SandboxState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private stateChanged(): void {
    // A change after a quiet spell goes out at once; a burst of changes, at most once per STATE_THROTTLE_MS.
    this.stateTimer ??= setTimeout(() => {
      this.stateTimer = undefined;
      this.lastStateAt = Date.now();
      const state = this.state();
      for (const listener of this.stateListeners) listener(state);
    }, Math.max(0, this.lastStateAt + STATE_THROTTLE_MS - Date.now()));
  }

  /** Stops every process, gracefully first; the data folder goes too when the sandbox made it. */
  async shutdown(): Promise<void> {
    // Close our own broker connections before the broker goes, or they would retry into a closed socket.
    await this.queues.close();
    await Promise.all(STACK_IDS.map((stack) => this.stacks[stack].dispose()));
    if (this.ownsDataDir) removeDataFolder(this.paths.dataDir);
  }

  /** For a crash: no time for goodbyes, but the data folder this run made should not be left behind. */
  removeOwnDataNow(): void {
    if (this.ownsDataDir) removeDataFolder(this.paths.dataDir);
  }
}
